import Foundation

/// sitemap.xml and robots.txt, which search engines and monitoring crawlers read.
enum Sitemap {
    /// The sitemap lists every page but the 404 page. URLs are absolute when `site_url` is set
    /// (as the protocol requires); otherwise they are relative to the sitemap's own location.
    static func xml(plan: SitePlan, portal: Portal) -> String {
        let prefix = portal.config.siteURL.map { $0 + portal.config.basePath } ?? ""
        var lastModified: [String: CalendarDate] = [:]
        for report in portal.reports {
            let path = SitePlan.reportPath(report)
            lastModified[path] = report.published
            for index in [SitePlan.home, SitePlan.yearPath(report.year), SitePlan.townshipPath(report.township)] {
                lastModified[index] = max(lastModified[index] ?? report.published, report.published)
            }
        }
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
        ]
        for page in plan.pages where page.kind != .notFound {
            var entry = "  <url><loc>\(HTMLContent.escape(prefix + page.path))</loc>"
            if let date = lastModified[page.path] { entry += "<lastmod>\(date.iso)</lastmod>" }
            lines.append(entry + "</url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func robots(portal: Portal) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let siteURL = portal.config.siteURL {
            text += "Sitemap: \(siteURL)\(portal.config.basePath)sitemap.xml\n"
        }
        return text
    }
}
