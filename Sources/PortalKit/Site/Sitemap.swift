import Foundation

/// sitemap.xml and robots.txt, which search engines and monitoring crawlers read.
///
/// Up to `sitemap.urls_per_file` URLs (the protocol's limit, 50,000, by default) `sitemap.xml` is
/// one `<urlset>`; a larger portal (a national one has about 275,000 URLs) gets a sitemap index
/// in `sitemap.xml` pointing to `sitemap-1.xml`, `sitemap-2.xml`, … of at most that many URLs each.
/// Each file is written as it is made (`FileSink`), never held whole.
enum Sitemap {
    static let index = "sitemap.xml"

    /// The files for `urls` URLs: `sitemap.xml` alone, or the index followed by its parts.
    static func files(urls: Int, limit: Int) -> [String] {
        guard urls > limit else { return [index] }
        return [index] + Directory.parts(count: urls, limit: limit).indices.map { "sitemap-\($0 + 1).xml" }
    }

    /// What one of `plan.sitemapFiles` holds, written piece by piece into `sink`.
    static func write(_ path: String, plan: SitePlan, portal: Portal, into sink: inout FileSink) {
        let prefix = portal.config.siteURL.map { $0 + portal.config.basePath } ?? ""
        let listed = plan.pages.filter { $0.kind != .notFound }
        sink.append(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n")
        let parts = Directory.parts(count: listed.count, limit: portal.config.siteMap.urlsPerFile)
        if path == index, plan.sitemapFiles.count > 1 {
            sink.append(#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n")
            for (file, range) in zip(plan.sitemapFiles.dropFirst(), parts) {
                var entry = "  <sitemap><loc>\(HTMLContent.escape(prefix + file))</loc>"
                if let date = listed[range].compactMap({ lastModified($0, portal: portal) }).max() { entry += "<lastmod>\(date.iso)</lastmod>" }
                sink.append(entry + "</sitemap>\n")
            }
            sink.append("</sitemapindex>\n")
            return
        }
        let range = plan.sitemapFiles.firstIndex(of: path).map { $0 == 0 ? 0..<listed.count : parts[$0 - 1] } ?? 0..<0
        sink.append(#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n")
        for page in listed[range] {
            var entry = "  <url><loc>\(HTMLContent.escape(prefix + page.path))</loc>"
            if let date = lastModified(page, portal: portal) { entry += "<lastmod>\(date.iso)</lastmod>" }
            sink.append(entry + "</url>\n")
        }
        sink.append("</urlset>\n")
    }

    /// The newest 发布日期 a page shows: a report's own; for the home, year and township pages the
    /// newest of the reports they list. Other pages have none.
    static func lastModified(_ page: SitePage, portal: Portal) -> CalendarDate? {
        switch page.kind {
        case .report(let index): portal.reports[index].published
        case .year(let year): portal.reports(in: year).map(\.published).max()
        case .township(let township): portal.reports(of: township).map(\.published).max()
        case .home: portal.reports.map(\.published).max()
        default: nil
        }
    }

    /// robots.txt points crawlers to `sitemap.xml` (the index when the sitemap is split: crawlers
    /// follow it to every part).
    static func robots(portal: Portal) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let siteURL = portal.config.siteURL {
            text += "Sitemap: \(siteURL)\(portal.config.basePath)\(index)\n"
        }
        return text
    }
}
