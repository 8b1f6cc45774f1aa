import Foundation

/// Reads `portal.yml` into `PortalConfig`, reporting every problem with its line.
public enum PortalConfigLoader {
    /// Whether `text` is `http(s)://host[:port][/path]` and nothing else: a host of letters, digits,
    /// `-` and `.`, no user name (`https://www.xx.gov.cn@evil.example` would put `evil.example`
    /// in the monitoring tags), no query or fragment.
    static func isSiteAddress(_ text: String) -> Bool {
        let rest: Substring
        if text.hasPrefix("https://") { rest = text.dropFirst(8) } else if text.hasPrefix("http://") { rest = text.dropFirst(7) } else { return false }
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let host = parts.first, !host.isEmpty, host.count <= 253 else { return false }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        func plain(_ character: Character) -> Bool { character.isASCII && (character.isLetter || character.isNumber) }
        guard
            labels.allSatisfy({ label in
                !label.isEmpty && label.count <= 63 && label.allSatisfy { plain($0) || $0 == "-" } && label.first != "-" && label.last != "-"
            })
        else { return false }
        if parts.count == 2 {
            guard let port = Int(parts[1]), parts[1].allSatisfy(\.isASCII), (1...65535).contains(port) else { return false }
        }
        return path.allSatisfy { plain($0) || "/-._~".contains($0) } && !path.contains("//")
            && !path.split(separator: "/").contains { $0 == "." || $0 == ".." }
    }

    static let keys = [
        "site_name", "county", "host_organ", "contact", "base_path", "site_url", "identity",
        "deadline", "theme", "unsafe_html", "sample_data", "townships", "supervision", "feeds", "sitemap",
    ]
    static let identityKeys = ["site_code", "icp", "police", "police_link", "badge", "badge_link", "county_portal"]
    static let townshipKeys = ["name", "organ", "slug", "credit_code"] + TownshipLifecycleReader.keys

    /// Parses settings text; returns nil when an error makes the settings unusable (see `diagnostics`).
    public static func parse(_ source: SourceText, diagnostics: inout [Diagnostic]) -> PortalConfig? {
        let errorsBefore = diagnostics.filter { $0.severity == .error }.count
        guard var fields = YAMLFields.parse(yaml: source.text, file: source.path, lineOffset: 0, part: .settings, diagnostics: &diagnostics) else {
            return nil
        }
        fields.rejectUnknownKeys(keys, in: .settings)
        let siteName = fields.string("site_name", "网站名称", required: true)
        let county = fields.string("county", "县（区）名称", required: true)
        let hostOrgan = fields.string("host_organ", "主办单位", required: true)
        let contact = fields.string("contact", "联系方式", required: true)

        var basePath = fields.string("base_path", "网站路径") ?? "/"
        if !basePath.hasPrefix("/") { basePath = "/" + basePath }
        if !basePath.hasSuffix("/") { basePath += "/" }
        if basePath.contains("//") || basePath.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
            || !basePath.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._~/-".unicodeScalars.contains($0)
            })
        {
            fields.error(.basePathInvalid, at: fields.location(ofKey: "base_path"))
            basePath = "/"
        }

        var siteURL = fields.string("site_url", "网站地址")
        if let url = siteURL {
            if !Self.isSiteAddress(url) {
                fields.error(.siteURLInvalid, at: fields.location(ofKey: "site_url"))
                siteURL = nil
            } else {
                while siteURL!.hasSuffix("/") { siteURL!.removeLast() }
            }
        }

        var identity = PortalConfig.Identity()
        if var group = fields.fields("identity", "网站标识") {
            group.rejectUnknownKeys(identityKeys, in: .identity)
            identity.siteCode = group.string("site_code", "网站标识码")
            identity.icp = group.string("icp", "ICP备案号")
            identity.police = group.string("police", "公安机关备案号")
            identity.policeLink = group.string("police_link", "公安备案链接")
            if let link = identity.policeLink, !(link.hasPrefix("https://") || link.hasPrefix("http://")) {
                group.error(.policeLinkInvalid, at: group.location(ofKey: "police_link"))
                identity.policeLink = nil
            }
            readBadge(&group, into: &identity)
            fields.absorb(group)
        }

        var deadline = PublicationDeadline(month: 3, day: 31)!
        if let text = fields.string("deadline", "年报发布期限") {
            if let parsed = PublicationDeadline(text: text) {
                deadline = parsed
            } else {
                fields.error(.deadlineInvalid(text: text), at: fields.location(ofKey: "deadline"))
            }
        }

        let theme = fields.string("theme", "主题") ?? "default"
        let unsafeHTML = fields.bool("unsafe_html", "允许原始HTML") ?? false
        let sampleData = fields.bool("sample_data", "示例数据") ?? false

        var supervision = SupervisionPublication.public
        if let text = fields.string("supervision", "监督页") {
            if let value = SupervisionPublication(rawValue: text) {
                supervision = value
            } else {
                fields.error(.supervisionInvalid(text: text), at: fields.location(ofKey: "supervision"))
            }
        }

        let townships = readTownships(&fields)
        let (feeds, siteMap) = (readFeeds(&fields), readSiteMap(&fields))
        diagnostics += fields.diagnostics
        let errorsAfter = diagnostics.filter { $0.severity == .error }.count
        guard errorsAfter == errorsBefore, let siteName, let county, let hostOrgan, let contact else { return nil }
        var config = PortalConfig(
            siteName: siteName, county: county, hostOrgan: hostOrgan, contact: contact, basePath: basePath,
            siteURL: siteURL, identity: identity, deadline: deadline, townships: townships, theme: theme,
            unsafeHTML: unsafeHTML, sampleData: sampleData)
        config.supervision = supervision
        (config.feeds, config.siteMap) = (feeds, siteMap)
        return config
    }

    private static func readTownships(_ fields: inout YAMLFields) -> [Township] {
        let items = fields.list("townships", "乡镇列表", required: true)
        if items.isEmpty, fields.node("townships") != nil {
            fields.error(.townshipsEmpty, at: fields.location(ofKey: "townships"))
        }
        var townships: [Township] = []
        var namesSeen: [String: SourceLocation] = [:]
        var slugsSeen: [String: (name: String, location: SourceLocation)] = [:]
        var lifecycles = TownshipLifecycleReader()
        for var item in items {
            item.rejectUnknownKeys(townshipKeys, in: .township)
            let name = item.string("name", "乡镇名称", required: true)
            let organ = item.string("organ", "机关全称", required: true)
            let creditCode = item.string("credit_code", "统一社会信用代码")
            if let code = creditCode, code.count != 18 || !code.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) {
                item.error(.creditCodeInvalid(code: code), at: item.location(ofKey: "credit_code"))
            }
            var slug = item.string("slug", "网址名")
            let slugLocation = item.location(ofKey: slug == nil ? "name" : "slug")
            if let given = slug, !Slug.isValid(given) {
                item.error(.slugInvalid(slug: given, reserved: Slug.reserved.sorted()), at: slugLocation)
                slug = nil
            } else if slug == nil, let name {
                let derived = Slug.fromPinyin(name)
                if Slug.isValid(derived) {
                    slug = derived
                } else {
                    item.error(.slugUnderivable(name: name), at: slugLocation)
                }
            }
            if let name {
                if let first = namesSeen[name] {
                    item.error(.townshipListedTwice(name: name, firstLine: first.line), at: item.location(ofKey: "name"))
                }
                namesSeen[name] = namesSeen[name] ?? item.location(ofKey: "name")
            }
            if let slug, let name {
                if let other = slugsSeen[slug], other.name != name {
                    item.error(.slugShared(name: name, other: other.name, otherLine: other.location.line, slug: slug), at: slugLocation)
                } else {
                    slugsSeen[slug] = (name, slugLocation)
                }
            }
            let lifecycle = lifecycles.read(&item, name: name, organ: organ)
            fields.absorb(item)
            if let name, let organ, let slug {
                townships.append(Township(name: name, organ: organ, slug: slug, creditCode: creditCode, order: townships.count, lifecycle: lifecycle))
            }
        }
        lifecycles.resolve(&townships, in: &fields)
        return townships
    }
}
