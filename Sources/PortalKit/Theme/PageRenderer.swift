import Foundation

/// Turns a planned page into HTML through the theme, and checks the page's internal links.
///
/// Each page is rendered independently of the others, so pages can be rendered in parallel
/// and, later, only when their inputs changed.
public struct PageRenderer: Sendable {
    public static let category = "政府信息公开年报"

    public let portal: Portal
    public let theme: Theme
    private let neighbours: [String: (previous: Int?, next: Int?)]

    public init(portal: Portal, theme: Theme) {
        self.portal = portal
        self.theme = theme
        var byTownship: [String: [Int]] = [:]
        for (index, report) in portal.reports.enumerated() {
            byTownship[report.township.slug, default: []].append(index)
        }
        var neighbours: [String: (Int?, Int?)] = [:]
        for indices in byTownship.values {
            let byYear = indices.sorted { portal.reports[$0].year < portal.reports[$1].year }
            for (position, index) in byYear.enumerated() {
                neighbours[portal.reports[index].id] = (position > 0 ? byYear[position - 1] : nil,
                                                        position + 1 < byYear.count ? byYear[position + 1] : nil)
            }
        }
        self.neighbours = neighbours
    }

    /// The rendered page and the problems found in it (broken internal links).
    public struct Rendered: Sendable {
        public var html: String
        public var diagnostics: [Diagnostic]
    }

    public func render(_ page: SitePage, knownPaths: Set<String>) -> Rendered {
        var context = commonContext(for: page)
        var bodyLinks: [(url: String, line: Int)] = []
        var source: Report?
        switch page.kind {
        case .home:
            context.merge(homeContext(page), uniquingKeysWith: { $1 })
        case .year(let year):
            context.merge(yearContext(year, page), uniquingKeysWith: { $1 })
        case .township(let township):
            context.merge(townshipContext(township, page), uniquingKeysWith: { $1 })
        case .report(let index):
            let report = portal.reports[index]
            let document = MarkdownDocument(report.body)
            bodyLinks = document.destinations
            source = report
            context.merge(reportContext(report, page, bodyHTML: document.html(allowUnsafe: portal.config.unsafeHTML)), uniquingKeysWith: { $1 })
            context["meta"] = (context["meta"] as? [[String: Any]] ?? []) + [
                ["name": "ArticleTitle", "content": report.title],
                ["name": "PubDate", "content": report.published.iso + " 00:00"],
                ["name": "ContentSource", "content": report.issuer],
            ]
        case .notFound:
            context.merge(pageInfo(title: "页面不存在_\(portal.config.siteName)", heading: "页面不存在", page: page, breadcrumbs: []), uniquingKeysWith: { $1 })
        }
        let html = theme.render(page.template, context: context)
        let diagnostics = LinkChecker.check(html: html, page: page, basePath: portal.config.basePath, knownPaths: knownPaths,
                                            report: source, bodyLinks: bodyLinks, template: page.template)
        return Rendered(html: html, diagnostics: diagnostics)
    }

    // MARK: - Contexts

    private func link(_ target: String, from page: SitePage) -> String {
        page.kind == .notFound ? portal.config.basePath + target : page.rootPrefix + target
    }

    private func commonContext(for page: SitePage) -> [String: Any] {
        let config = portal.config
        var identity: [String: Any] = [:]
        identity["siteCode"] = config.identity.siteCode
        identity["icp"] = config.identity.icp
        identity["police"] = config.identity.police
        identity["policeLink"] = config.identity.policeLink
        let root = page.kind == .notFound ? config.basePath : page.rootPrefix
        var meta: [[String: Any]] = [["name": "SiteName", "content": config.siteName]]
        if let url = config.siteURL, let host = URL(string: url)?.host { meta.append(["name": "SiteDomain", "content": host]) }
        if let code = config.identity.siteCode { meta.append(["name": "SiteIDCode", "content": code]) }
        meta.append(["name": "ColumnName", "content": Self.category])
        meta.append(["name": "ColumnType", "content": "信息公开"])
        return [
            "lang": "zh-CN",
            "root": root,
            "assets": root + Theme.assetsFolder + "/",
            "homeURL": link(SitePlan.home, from: page),
            "generator": "portal-gen",
            "site": [
                "name": config.siteName,
                "county": config.county,
                "hostOrgan": config.hostOrgan,
                "contact": config.contact,
                "sampleData": config.sampleData,
                "identity": identity,
                "deadline": config.deadline.chinese,
            ] as [String: Any],
            "meta": meta,
            "nav": [
                "years": portal.years.map { year -> [String: Any] in
                    ["label": "\(year)年度", "year": year, "url": link(SitePlan.yearPath(year), from: page), "current": page.kind == .year(year)]
                },
                "townships": portal.townshipsWithReports.map { township -> [String: Any] in
                    ["label": township.name, "url": link(SitePlan.townshipPath(township), from: page), "current": page.kind == .township(township)]
                },
            ] as [String: Any],
        ]
    }

    private func summary(_ report: Report, from page: SitePage) -> [String: Any] {
        var item: [String: Any] = [
            "title": report.title,
            "url": link(SitePlan.reportPath(report), from: page),
            "township": report.township.name,
            "townshipURL": link(SitePlan.townshipPath(report.township), from: page),
            "organ": report.issuer,
            "year": report.year,
            "yearURL": link(SitePlan.yearPath(report.year), from: page),
            "published": report.published.chinese,
            "publishedISO": report.published.iso,
            "indexNumber": report.indexNumber,
        ]
        item["documentNumber"] = report.documentNumber
        return item
    }

    private func pageInfo(title: String, heading: String, page: SitePage, breadcrumbs: [(String, String?)]) -> [String: Any] {
        let crumbs = breadcrumbs.enumerated().map { index, crumb -> [String: Any] in
            var item: [String: Any] = ["label": crumb.0, "last": index == breadcrumbs.count - 1]
            item["url"] = crumb.1
            return item
        }
        return [
            "page": ["title": title, "heading": heading, "path": page.path, "template": page.template] as [String: Any],
            "breadcrumbs": crumbs,
        ]
    }

    private func homeContext(_ page: SitePage) -> [String: Any] {
        var context = pageInfo(title: portal.config.siteName, heading: portal.config.siteName, page: page, breadcrumbs: [])
        if let latest = portal.years.first {
            context["latest"] = ["year": latest, "url": link(SitePlan.yearPath(latest), from: page),
                                 "reports": portal.reports(in: latest).map { summary($0, from: page) }] as [String: Any]
        }
        context["years"] = portal.years.map { year -> [String: Any] in
            ["year": year, "url": link(SitePlan.yearPath(year), from: page), "count": portal.reports(in: year).count]
        }
        context["townships"] = portal.townshipsWithReports.map { township -> [String: Any] in
            ["name": township.name, "organ": township.organ, "url": link(SitePlan.townshipPath(township), from: page),
             "count": portal.reports(of: township).count]
        }
        context["reportCount"] = portal.reports.count
        return context
    }

    private func yearContext(_ year: Int, _ page: SitePage) -> [String: Any] {
        let heading = "\(year)年度政府信息公开工作年度报告"
        var context = pageInfo(title: "\(year)年度_\(Self.category)_\(portal.config.siteName)", heading: heading, page: page,
                               breadcrumbs: [("首页", link(SitePlan.home, from: page)), ("\(year)年度", nil)])
        let reports = portal.reports(in: year)
        context["year"] = year
        context["reports"] = reports.map { summary($0, from: page) }
        context["count"] = reports.count
        context["due"] = portal.config.deadline.dueDate(forReportYear: year).chinese
        return context
    }

    private func townshipContext(_ township: Township, _ page: SitePage) -> [String: Any] {
        var context = pageInfo(title: "\(township.name)_\(Self.category)_\(portal.config.siteName)", heading: township.organ, page: page,
                               breadcrumbs: [("首页", link(SitePlan.home, from: page)), (township.name, nil)])
        let reports = portal.reports(of: township)
        var info: [String: Any] = ["name": township.name, "organ": township.organ]
        info["creditCode"] = township.creditCode
        context["township"] = info
        context["reports"] = reports.map { summary($0, from: page) }
        context["count"] = reports.count
        return context
    }

    private func reportContext(_ report: Report, _ page: SitePage, bodyHTML: String) -> [String: Any] {
        var context = pageInfo(title: "\(report.title)_\(Self.category)_\(portal.config.siteName)", heading: report.title, page: page,
                               breadcrumbs: [("首页", link(SitePlan.home, from: page)),
                                             ("\(report.year)年度", link(SitePlan.yearPath(report.year), from: page)),
                                             (report.township.name, link(SitePlan.townshipPath(report.township), from: page))])
        var info = summary(report, from: page)
        info["category"] = Self.category
        info["issuer"] = report.issuer
        info["documentNumberOrNone"] = report.documentNumber ?? "无"
        info["written"] = report.written?.chinese
        info["bodyHTML"] = bodyHTML
        context["report"] = info
        if let around = neighbours[report.id] {
            if let previous = around.previous { context["previous"] = summary(portal.reports[previous], from: page) }
            if let next = around.next { context["next"] = summary(portal.reports[next], from: page) }
        }
        return context
    }
}
