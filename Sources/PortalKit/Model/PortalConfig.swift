/// The portal's settings from `Content/portal.yml`.
public struct PortalConfig: Sendable {
    /// The portal's name shown in every page header and title, e.g. `示例县政府信息公开工作年度报告`.
    var siteName: String
    /// The county (or district) whose townships publish here, e.g. `示例县`.
    var county: String
    /// 主办单位: the organ that runs the portal, shown in the footer.
    var hostOrgan: String
    /// 联系方式 shown in the footer.
    var contact: String
    /// The path under which the portal is served, e.g. `/xxgk/ndbg/`; always starts and ends with `/`.
    /// Pages link relatively; only the 404 page (served at arbitrary URLs) needs it.
    var basePath: String
    /// The site's origin, e.g. `https://www.example.gov.cn`, for absolute URLs in sitemap.xml.
    var siteURL: String?
    /// The identity footer items required on every page of a government website.
    var identity: Identity
    /// When a report for year Y is due: this month and day of year Y+1.
    var deadline: PublicationDeadline
    /// Townships in the county's official order.
    var townships: [Township] {
        didSet { townshipsByName = Self.index(townships) }
    }
    /// Name → position in `townships` (the first one of a name), so every report finds its township
    /// without a search (a national portal lists tens of thousands).
    private var townshipsByName: [String: Int]
    /// The theme name or folder used when `--theme` is not given.
    var theme: String
    /// Whether raw HTML and unsafe links in Markdown are passed through (off by default).
    var unsafeHTML: Bool
    /// Marks every page as sample data (for the bundled example and demos).
    var sampleData: Bool
    /// Whether the supervision page is public, for the office only, or not made.
    var supervision: SupervisionPublication = .public
    /// The RSS and Atom feeds (see `Feed`).
    var feeds = FeedSettings()
    /// How the site map page and sitemap.xml are split (see `SiteMapSettings`).
    var siteMap = SiteMapSettings()

    struct Identity: Sendable, Hashable {
        /// 网站标识码 (10 characters).
        var siteCode: String?
        /// ICP备案号, linked to the MIIT registration site.
        var icp: String?
        /// 公安机关备案号.
        var police: String?
        /// The 公安备案 record link; the badge links here when set.
        var policeLink: String?
        /// The 党政机关网站标识 (red badge) and its registration link.
        var badge: IdentityBadge?
        /// The link back to the county's own portal.
        var countyPortal: CountyPortal?

        init(siteCode: String? = nil, icp: String? = nil, police: String? = nil, policeLink: String? = nil) {
            self.siteCode = siteCode
            self.icp = icp
            self.police = police
            self.policeLink = policeLink
        }
    }

    init(
        siteName: String, county: String, hostOrgan: String, contact: String, basePath: String = "/",
        siteURL: String? = nil, identity: Identity = Identity(), deadline: PublicationDeadline = .init(month: 3, day: 31)!,
        townships: [Township], theme: String = "default", unsafeHTML: Bool = false, sampleData: Bool = false
    ) {
        self.siteName = siteName
        self.county = county
        self.hostOrgan = hostOrgan
        self.contact = contact
        self.basePath = basePath
        self.siteURL = siteURL
        self.identity = identity
        self.deadline = deadline
        self.townships = townships
        self.townshipsByName = Self.index(townships)
        self.theme = theme
        self.unsafeHTML = unsafeHTML
        self.sampleData = sampleData
    }

    func township(named name: String) -> Township? {
        townshipsByName[name].map { townships[$0] }
    }

    /// Present names first, then former names (a report of those years may be written under one).
    private static func index(_ townships: [Township]) -> [String: Int] {
        var index = Dictionary(townships.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for (offset, township) in townships.enumerated() {
            for former in township.lifecycle.formerNames where index[former.name] == nil { index[former.name] = offset }
        }
        return index
    }
}
