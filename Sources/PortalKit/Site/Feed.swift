/// One subscription (RSS订阅): the newest reports of the whole portal, of a year or of a township,
/// written as RSS 2.0 (`rss.xml`) and as Atom (`atom.xml`).
///
/// A feed reader shows items away from the site, so every link in a feed must be absolute: feeds
/// are made only when `site_url` is set (and the portal has reports). Without it there are no
/// feed files, no autodiscovery links and no RSS订阅 page.
struct Feed: Sendable, Hashable {
    enum Scope: Sendable, Hashable {
        case portal
        case year(Int)
        case township(Township)
    }

    let scope: Scope

    static let rssType = "application/rss+xml"
    static let atomType = "application/atom+xml"

    /// Whether the portal has feeds at all.
    static func published(_ portal: Portal) -> Bool { portal.config.siteURL != nil && !portal.reports.isEmpty }

    /// Every feed: the portal's, each year's (newest first), each township's (in the county's order).
    static func all(of portal: Portal) -> [Feed] {
        guard published(portal) else { return [] }
        return [Feed(scope: .portal)] + portal.years.map { Feed(scope: .year($0)) } + portal.townshipsWithReports.map { Feed(scope: .township($0)) }
    }

    /// The folder of the feed's two files.
    var folder: String {
        switch scope {
        case .portal: "feeds/"
        case .year(let year): "feeds/\(year)/"
        case .township(let township): "feeds/\(township.slug)/"
        }
    }

    var rssPath: String { folder + "rss.xml" }
    var atomPath: String { folder + "atom.xml" }
    var paths: [String] { [rssPath, atomPath] }

    /// The page the feed follows (its `<link>`): the home, year or township page.
    var pagePath: String {
        switch scope {
        case .portal: SitePlan.home
        case .year(let year): SitePlan.yearPath(year)
        case .township(let township): SitePlan.townshipPath(township)
        }
    }

    /// `示例县政府信息公开工作年度报告`, `…：2024年度`, `…：城关镇`.
    func title(siteName: String) -> String {
        switch scope {
        case .portal: siteName
        case .year(let year): "\(siteName)：\(year)年度"
        case .township(let township): "\(siteName)：\(township.name)"
        }
    }

    /// What the feed lists, in words, for its description and the RSS订阅 page.
    func subject(county: String) -> String {
        switch scope {
        case .portal: "\(county)各乡镇最新发布的政府信息公开工作年度报告"
        case .year(let year): "\(county)各乡镇\(year)年度政府信息公开工作年度报告"
        case .township(let township): "\(township.organ)历年政府信息公开工作年度报告"
        }
    }

    /// The reports it lists: the newest `limit` by 发布日期, then by year, then in the county's order.
    func items(of portal: Portal, limit: Int) -> [Report] {
        let reports: [Report]
        switch scope {
        case .portal: reports = portal.reports
        case .year(let year): reports = portal.reports(in: year)
        case .township(let township): reports = portal.reports(of: township)
        }
        func newer(_ a: Report, _ b: Report) -> Bool {
            (a.published, a.year, b.township.order) > (b.published, b.year, a.township.order)
        }
        // The whole portal can hold 250,000 reports: keep the newest `limit` without sorting them all.
        var newest: [Report] = []
        newest.reserveCapacity(limit + 1)
        for report in reports {
            if newest.count == limit, let last = newest.last, !newer(report, last) { continue }
            let at = newest.firstIndex { newer(report, $0) } ?? newest.endIndex
            newest.insert(report, at: at)
            if newest.count > limit { newest.removeLast() }
        }
        return newest
    }
}
