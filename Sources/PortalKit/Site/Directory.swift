/// The pages that list the rest of the site: the site map (网站地图) and the feeds page (RSS订阅).
///
/// A county portal has one site map page listing everything (its home page, every year and
/// township page, every report grouped by year, the compilations, the supervision page, the
/// open-data downloads and the feeds page). A portal with more reports than
/// `sitemap.links_per_page` keeps the main page to the sections and the years, and lists each
/// year's reports on pages of their own (`sitemap/2024.html`, then `sitemap/2024-2.html`, … when one
/// year alone has more); more townships than that are listed on pages of their own too
/// (`sitemap/townships.html`, …), and so are the township feeds (`feeds/townships.html`, …).
/// At national scale (250,000 reports, 40,000 townships) that is about 150 pages of 2,000 links.
enum Directory: Sendable, Hashable {
    /// `sitemap/index.html`
    case siteMap
    /// A part of the township list, from 1: `sitemap/townships.html`, `sitemap/townships-2.html`, …
    case siteMapTownships(part: Int)
    /// A part of a year's reports, from 1: `sitemap/2024.html`, `sitemap/2024-2.html`, …
    case siteMapYear(Int, part: Int)
    /// `feeds/index.html`
    case feeds
    /// A part of the list of township feeds, from 1: `feeds/townships.html`, …
    case feedTownships(part: Int)

    static let siteMapPath = "sitemap/index.html"
    static let feedsPath = "feeds/index.html"

    var template: String {
        switch self {
        case .siteMap, .siteMapTownships, .siteMapYear: "sitemap"
        case .feeds, .feedTownships: "feeds"
        }
    }

    var path: String {
        func numbered(_ folder: String, _ name: String, _ part: Int) -> String { folder + name + (part > 1 ? "-\(part)" : "") + ".html" }
        switch self {
        case .siteMap: return Self.siteMapPath
        case .siteMapTownships(let part): return numbered("sitemap/", "townships", part)
        case .siteMapYear(let year, let part): return numbered("sitemap/", "\(year)", part)
        case .feeds: return Self.feedsPath
        case .feedTownships(let part): return numbered("feeds/", "townships", part)
        }
    }

    /// The ranges of a list of `count` items cut into pages of at most `limit`.
    static func parts(count: Int, limit: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: max(1, limit)).map { $0..<min($0 + max(1, limit), count) }
    }

    /// Whether the reports are listed on pages per year rather than on the main site map page.
    static func splitsReports(_ portal: Portal) -> Bool { portal.reports.count > portal.config.siteMap.linksPerPage }
    /// Whether the townships (and their feeds) are listed on pages of their own.
    static func splitsTownships(_ portal: Portal) -> Bool { portal.townshipsWithReports.count > portal.config.siteMap.linksPerPage }

    /// Every directory page of the portal, in the order the site map lists them.
    static func pages(of portal: Portal) -> [SitePage] {
        let limit = portal.config.siteMap.linksPerPage
        var directories: [Directory] = [.siteMap]
        let townshipParts = parts(count: portal.townshipsWithReports.count, limit: limit).count
        if splitsTownships(portal) { directories += (1...townshipParts).map { .siteMapTownships(part: $0) } }
        if splitsReports(portal) {
            for year in portal.years {
                directories += parts(count: portal.reports(in: year).count, limit: limit).indices.map { .siteMapYear(year, part: $0 + 1) }
            }
        }
        if Feed.published(portal) {
            directories.append(.feeds)
            if splitsTownships(portal) { directories += (1...townshipParts).map { .feedTownships(part: $0) } }
        }
        return directories.map { SitePage(kind: .directory($0), path: $0.path) }
    }
}
