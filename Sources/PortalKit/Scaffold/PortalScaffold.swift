import Foundation

/// A new portal as `portal-gen init` makes it: the settings given, written as a commented
/// `Content/portal.yml`, beside an empty reports folder, the default theme and a `.gitignore`.
///
/// The settings are read back with `PortalConfigLoader` before anything is written, so a new portal
/// always builds at once, and a value that cannot be used is refused while nothing exists yet.
public struct PortalScaffold: Sendable, Hashable {
    /// A township as it is given: its name, and its organ when it differs from the usual one.
    public struct Township: Sendable, Hashable {
        public var name: String
        /// The full organ name; nil derives it from the county and the name.
        public var organ: String?

        public init(name: String, organ: String? = nil) {
            self.name = PortalScaffold.cleaned(name) ?? ""
            self.organ = organ.flatMap(PortalScaffold.cleaned)
        }

        /// `城关镇`, or `城关镇=示例县城关镇人民政府` for an organ of its own, as `--township` and the
        /// questions take it.
        public init(argument: String) {
            if let equals = argument.firstIndex(of: "=") {
                self.init(name: String(argument[..<equals]), organ: String(argument[argument.index(after: equals)...]))
            } else {
                self.init(name: argument)
            }
        }
    }

    public var county: String?
    public var hostOrgan: String?
    /// nil uses `defaultSiteName(county:)`.
    public var siteName: String?
    public var contact: String?
    /// In the county's official order.
    public var townships: [Township]

    /// Values are trimmed; an empty one counts as not given.
    public init(county: String? = nil, hostOrgan: String? = nil, siteName: String? = nil, contact: String? = nil, townships: [Township] = []) {
        self.county = county.flatMap(Self.cleaned)
        self.hostOrgan = hostOrgan.flatMap(Self.cleaned)
        self.siteName = siteName.flatMap(Self.cleaned)
        self.contact = contact.flatMap(Self.cleaned)
        self.townships = townships.filter { !$0.name.isEmpty }
    }

    /// What a portal needs that was not given, in the order `--help` lists the options.
    public var missing: [ScaffoldOption] {
        var missing: [ScaffoldOption] = []
        if county == nil { missing.append(.county) }
        if hostOrgan == nil { missing.append(.hostOrgan) }
        if contact == nil { missing.append(.contact) }
        if townships.isEmpty { missing.append(.townships) }
        return missing
    }

    /// The site name when none is given: `示例县政府信息公开工作年度报告`.
    public static func defaultSiteName(county: String) -> String {
        county + "政府信息公开工作年度报告"
    }

    /// The usual organ of a township: `<county><name>人民政府`, `…办事处` for a 街道 (a subdistrict
    /// is run by its office, not by a people's government).
    static func usualOrgan(county: String, township name: String) -> String {
        county + name + (name.hasSuffix("街道") ? "办事处" : "人民政府")
    }

    /// Where the pieces of a portal are, inside its folder.
    static let contentFolder = "Content"
    static let reportsFolder = "Content/reports"
    static let themeFolder = "Themes/default"
    static var settingsPath: String { contentFolder + "/" + ContentLoader.settingsFile }
    static let ignoredPaths = ["/Output/", "/.Output.*"]

    /// The text of `portal.yml`, every key with a comment in Chinese saying what it is for. Every
    /// value given is double-quoted, so that text with `:`, `#` or quotes reads back as typed.
    func settingsText() -> String {
        let county = county ?? ""
        var lines = [
            "# 门户设置：网站名称、页脚信息和乡镇列表。修改后运行 portal-gen build 重新生成网站。",
            "# 每一项的含义和写法见 portal-gen 的说明文档 docs/content.md。文字写在英文双引号 \"…\" 中；",
            "# 文字里需要引号时请用中文引号“”，需要反斜杠 \\ 时写成两个 \\\\。",
            "",
            "# 网站名称：显示在每个页面的页眉和浏览器标题中",
            "site_name: " + ContentFileWriter.quoted(siteName ?? Self.defaultSiteName(county: county)),
            "# 县（区）名称",
            "county: " + ContentFileWriter.quoted(county),
            "# 主办单位：显示在每个页面的页脚",
            "host_organ: " + ContentFileWriter.quoted(hostOrgan ?? ""),
            "# 联系方式（电话、地址）：显示在每个页面的页脚",
            "contact: " + ContentFileWriter.quoted(contact ?? ""),
            "# 网站在服务器上的路径，例如 /xxgk/ndbg/；网站放在域名的根目录时写 /",
            "base_path: /",
            "# 网站地址（可不填）：填写后 sitemap.xml 使用完整的网址。要填写时去掉下一行开头的 # ：",
            "# site_url: https://www.example.gov.cn",
            "# 页脚的网站标识码、ICP备案号、公安机关备案号和公安备案链接（可不填）。要填写时去掉下面几行开头的 # ：",
            "# identity:",
            "#   site_code: \"0000000000\"",
            "#   icp: \"ICP备00000000号\"",
            "#   police: \"公网安备00000000000000号\"",
            "#   police_link: https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=00000000000000",
            "#   党政机关网站标识：图片放在 Content 文件夹中，链接是本网站在 bszs.conac.cn 的登记地址",
            "#   badge: images/dzjg.png",
            "#   badge_link: https://bszs.conac.cn/sitename?method=show&id=0000",
            "#   页脚中返回县政府门户网站的链接",
            "#   county_portal:",
            "#     name: \"示例县人民政府门户网站\"",
            "#     url: https://www.example.gov.cn/",
            "# RSS订阅：每个订阅列出的最新报告数（填写了 site_url 才生成订阅）。要修改时去掉下面两行开头的 # ：",
            "# feeds:",
            "#   items: 50",
            "# 年度报告的公开期限：报告年度的下一年的“月-日”（\"03-31\" 即次年 3 月 31 日前）",
            "deadline: \"03-31\"",
            "# 网站使用的主题：Themes 文件夹中的主题名",
            "theme: default",
            "# 是否在每个页面上显示“示例数据”的提示（只用于演示）；正式网站写 false",
            "sample_data: false",
            "# 是否原样发布报告中的 HTML 代码和 javascript: 链接；为了网站安全，请保持 false",
            "unsafe_html: false",
            "# 监督页（公开年报情况总览）：public 在网站上公开；office 只用 portal-gen build --office 文件夹 为主管部门生成；none 不生成",
            "supervision: public",
            "# 各乡镇，按全县的正式顺序排列（网站上的列表都按这个顺序）。每个乡镇：",
            "#   name：报告文件中写的乡镇名称",
            "#   organ：机关全称，也是报告默认的发布机构",
            "#   slug：网址中使用的名称，由名称的拼音生成，可以修改（只用小写字母、数字和连字符）",
            "#   credit_code：统一社会信用代码（可不填，18 位），例如 credit_code: \"11419999MB0000001A\"",
            "#   乡镇设立、撤并或改名时（可不填，年份都是报告年度）：established: 2021（设立年度）、abolished: 2023（最后一个报送年度）、",
            "#   merged_into: 城关镇（并入的乡镇）、former_names: [{name: 旧名乡, until: 2020}]（曾用名及使用到的年度）",
            "townships:",
        ]
        var slugs: Set<String> = []
        for township in townships {
            lines.append("  - name: " + ContentFileWriter.quoted(township.name))
            lines.append("    organ: " + ContentFileWriter.quoted(township.organ ?? Self.usualOrgan(county: county, township: township.name)))
            // The loader derives the same slug; writing it shows the web address and keeps it when
            // the name is corrected later. Two names with the same pinyin get -2, -3, ….
            let derived = Slug.fromPinyin(township.name)
            if Slug.isValid(derived) {
                var slug = derived
                var number = 2
                while slugs.contains(slug) {
                    slug = "\(derived)-\(number)"
                    number += 1
                }
                slugs.insert(slug)
                lines.append("    slug: " + slug)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The problems the settings would have (a control character, a township named twice, a name
    /// no web address can be made from), without a location: the file does not exist yet.
    func problems() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        _ = PortalConfigLoader.parse(SourceText(path: Self.settingsPath, text: settingsText()), diagnostics: &diagnostics)
        return diagnostics.filter { $0.severity == .error }.map { problem in
            var problem = problem
            problem.location = nil
            return problem
        }
    }

    /// Whether `folder` holds a portal already (its `Content/portal.yml`; a link counts, even one
    /// that leads nowhere: it is not `init`'s to replace), so `init` can refuse before asking anything.
    public static func hasPortal(_ folder: URL) -> Bool {
        let settings = folder.appendingPathComponent(settingsPath).path
        return FileManager.default.fileExists(atPath: settings) || (try? FileManager.default.destinationOfSymbolicLink(atPath: settings)) != nil
    }

    /// The path of the settings file as messages show it, for a folder shown as `displayPath`.
    public static func settingsDisplayPath(in displayPath: String) -> String {
        displayPath == "." ? settingsPath : displayPath + "/" + settingsPath
    }

    /// What `write` made.
    public struct Outcome: Sendable, Hashable {
        public var siteName: String
        public var townships: [String]
        /// Whether `Themes/default` was there already and left as it was.
        public var keptTheme: Bool
    }

    /// Writes the portal into `folder` (created when missing); `displayPath` is how messages name
    /// the folder. Refuses a folder that already has `Content/portal.yml`, and writes nothing when
    /// the settings would have problems. `portal.yml` is written last, so a run that fails part-way
    /// can be repeated.
    public func write(into folder: URL, displayPath: String) throws(DiagnosticsError) -> Outcome {
        precondition(missing.isEmpty, "write(into:) needs every required value")
        func shown(_ path: String) -> String { displayPath == "." ? path : displayPath + "/" + path }
        let settings = folder.appendingPathComponent(Self.settingsPath)
        if Self.hasPortal(folder) {
            throw DiagnosticsError([.error(.initPortalExists(settings: shown(Self.settingsPath)), at: nil)])
        }
        let problems = problems()
        if !problems.isEmpty { throw DiagnosticsError(problems + [.error(.initInvalidValues, at: nil)]) }

        var current = Self.reportsFolder
        do {
            let reports = folder.appendingPathComponent(Self.reportsFolder)
            try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
            // Keeps the empty folder in version control; hidden files are not reports.
            let keep = reports.appendingPathComponent(".gitkeep")
            if !FileManager.default.fileExists(atPath: keep.path) { try Data().write(to: keep) }

            current = Self.themeFolder
            let theme = folder.appendingPathComponent(Self.themeFolder)
            let keptTheme = FileManager.default.fileExists(atPath: theme.path)
            if !keptTheme { try DefaultTheme.write(into: theme) }

            current = ".gitignore"
            try updateIgnoreFile(folder.appendingPathComponent(".gitignore"))

            current = Self.settingsPath
            try Data(settingsText().utf8).write(to: settings, options: .withoutOverwriting)
            return Outcome(siteName: siteName ?? Self.defaultSiteName(county: county ?? ""), townships: townships.map(\.name), keptTheme: keptTheme)
        } catch {
            throw DiagnosticsError([.error(.scaffoldWriteFailed(path: shown(current), reason: Self.reason(error)), at: nil)])
        }
    }

    /// Adds the output folder and its staging and lock files to `.gitignore`, keeping what is there.
    private func updateIgnoreFile(_ url: URL) throws {
        let existing = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let added = Self.ignoredPaths.filter { !present.contains($0) }
        guard !added.isEmpty else { return }
        var text = existing
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += "# 生成的网站和构建时的临时文件（portal-gen build）\n" + added.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    /// The system's reason for a failed file operation (`Permission denied`, `No space left on device`).
    static func reason(_ error: Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return (error as NSError).localizedDescription
    }

    /// `text` trimmed; nil when nothing is left.
    static func cleaned(_ text: String) -> String? {
        let trimmed = YAMLFields.trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }
}
