import Foundation

/// The settings of what the portal publishes beside its pages: the feeds, the site map, and the
/// identity footer's 党政机关网站标识 and county portal link.
extension PortalConfigLoader {
    static let feedKeys = ["items"]
    static let siteMapKeys = ["urls_per_file", "links_per_page"]
    static let countyPortalKeys = ["name", "url"]

    static func isWebLink(_ text: String) -> Bool {
        (text.hasPrefix("https://") || text.hasPrefix("http://")) && !text.contains(where: \.isWhitespace) && text.count > 8
    }

    /// `identity.badge`, `identity.badge_link` and `identity.county_portal`. The image file itself
    /// is looked at when the content folder is read (`resolveBadge`).
    static func readBadge(_ group: inout YAMLFields, into identity: inout PortalConfig.Identity) {
        let hasLink = group.node("badge_link") != nil
        let file = group.string("badge", "党政机关网站标识图片", required: hasLink)
        let link = group.string("badge_link", "党政机关网站标识链接", required: file != nil)
        if let file, let link {
            let location = group.location(ofKey: "badge")
            if file.hasPrefix("/") || file.contains("\\") || file.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) {
                group.error(.badgePathInvalid(path: file), at: location)
            } else if !isWebLink(link) {
                group.error(.identityLinkInvalid(key: "badge_link", label: "党政机关网站标识链接"), at: group.location(ofKey: "badge_link"))
            } else {
                identity.badge = IdentityBadge(file: file, link: link, location: location)
            }
        }
        if var portal = group.fields("county_portal", "县政府门户网站") {
            portal.rejectUnknownKeys(countyPortalKeys, in: .countyPortal)
            let name = portal.string("name", "门户网站名称", required: true)
            let url = portal.string("url", "门户网站地址", required: true)
            if let url, !isWebLink(url) {
                portal.error(.identityLinkInvalid(key: "url", label: "门户网站地址"), at: portal.location(ofKey: "url"))
            } else if let name, let url {
                identity.countyPortal = CountyPortal(name: name, url: url)
            }
            group.absorb(portal)
        }
    }

    static func readFeeds(_ fields: inout YAMLFields) -> FeedSettings {
        var settings = FeedSettings()
        guard var group = fields.fields("feeds", "RSS订阅") else { return settings }
        group.rejectUnknownKeys(feedKeys, in: .feeds)
        if let items = group.int("items", "每个订阅的报告数", range: FeedSettings.itemRange) { settings.items = items }
        fields.absorb(group)
        return settings
    }

    static func readSiteMap(_ fields: inout YAMLFields) -> SiteMapSettings {
        var settings = SiteMapSettings()
        guard var group = fields.fields("sitemap", "网站地图") else { return settings }
        group.rejectUnknownKeys(siteMapKeys, in: .siteMap)
        if let urls = group.int("urls_per_file", "sitemap.xml 每个文件的网址数", range: 1...SiteMapSettings.protocolLimit) { settings.urlsPerFile = urls }
        if let links = group.int("links_per_page", "网站地图每页的链接数", range: 1...100_000) { settings.linksPerPage = links }
        fields.absorb(group)
        return settings
    }

    /// Finds the badge image in the content folder and reads its size; returns the fingerprint of
    /// its bytes (every page shows it), or nil when there is no badge or it cannot be used.
    static func resolveBadge(_ config: inout PortalConfig, root: URL, displayPath: (URL) -> String, diagnostics: inout [Diagnostic]) -> String? {
        guard var badge = config.identity.badge else { return nil }
        let url = root.appendingPathComponent(badge.file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: url.path)
        else {
            diagnostics.append(.error(.badgeFileMissing(path: badge.file, folder: displayPath(root)), at: badge.location))
            config.identity.badge = nil
            return nil
        }
        guard let size = ImageSize.of(Array(data)) else {
            diagnostics.append(.error(.badgeImageUnreadable(path: badge.file), at: badge.location))
            config.identity.badge = nil
            return nil
        }
        (badge.width, badge.height) = size
        config.identity.badge = badge
        return ContentHash.of(data)
    }
}
