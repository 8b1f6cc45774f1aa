import Foundation

/// Turns a planned page into HTML through the theme, and checks the page's internal links.
///
/// Each page is rendered independently of the others, so pages can be rendered in parallel
/// and, later, only when their inputs changed.
struct PageRenderer: Sendable {
    static let category = "政府信息公开年报"
    /// Up to this many townships are linked on the search page for readers without JavaScript.
    static let searchPageTownships = 200

    let portal: Portal
    let theme: Theme
    /// The statistics findings shown on the supervision page.
    let findings: [Diagnostic]
    /// The tables' markup, made once per layout for this build.
    let tableTemplates = TableLayout.Templates()
    private let neighbours: [ReportID: (previous: Int?, next: Int?)]
    /// Fingerprint of every report (file and fingerprint, in order) and of the findings: what the
    /// pages listing or summing all reports are made from.
    private let everything: String

    /// Fingerprint of the settings, options and portal-gen version (see `BuildManifest.siteFingerprint`).
    let siteFingerprint: String
    /// The build's day: the supervision grid shows a report not yet due as 未到期.
    let today: CalendarDate
    /// Whether the site has a search page (every page's header links it).
    let hasSearch: Bool

    /// `findings` are the statistics findings shown on the supervision page.
    init(
        portal: Portal, theme: Theme, findings: [Diagnostic] = [], siteFingerprint: String = "", today: CalendarDate = .today,
        hasSearch: Bool = false
    ) {
        self.portal = portal
        self.today = today
        self.hasSearch = hasSearch
        self.theme = theme
        self.siteFingerprint = siteFingerprint
        self.findings = findings
        self.everything = ContentHash.of(
            portal.reports.map { "\($0.id) \($0.summaryHash)" }.joined(separator: "\n")
                + "\n" + findings.map(\.description).joined(separator: "\n"))
        var byTownship: [String: [Int]] = [:]
        for (index, report) in portal.reports.enumerated() {
            byTownship[report.township.slug, default: []].append(index)
        }
        var neighbours: [ReportID: (Int?, Int?)] = [:]
        for indices in byTownship.values {
            let byYear = indices.sorted { portal.reports[$0].year < portal.reports[$1].year }
            for (position, index) in byYear.enumerated() {
                neighbours[portal.reports[index].id] = (
                    position > 0 ? byYear[position - 1] : nil,
                    position + 1 < byYear.count ? byYear[position + 1] : nil
                )
            }
        }
        self.neighbours = neighbours
    }

    /// What a page is made from: the site (settings, portal-gen), the templates it uses, every path of the site,
    /// the years in the navigation, and the reports it shows — for a report page its file and the
    /// neighbours its pager links to, for a year or township page the files of the reports it
    /// lists, for the home and supervision pages every report and finding. When this is unchanged
    /// since the last build the page is kept without rendering it.
    ///
    /// `common` holds, per template, what all its pages share (see `commonInputs`).
    func inputs(of page: SitePage, common: [String: String]) -> String? {
        guard !siteFingerprint.isEmpty else { return nil }
        var parts = [common[page.template] ?? "no template", page.path]
        func listing(_ reports: [Report]) -> [String] { reports.map { "\($0.id) \($0.summaryHash)" } }
        switch page.kind {
        case .report(let index):
            let report = portal.reports[index]
            let around = neighbours[report.id]
            parts += [
                report.contentHash, report.attachmentsHash, around?.previous.map { portal.reports[$0].summaryHash } ?? "-",
                around?.next.map { portal.reports[$0].summaryHash } ?? "-",
            ]
        case .year(let year), .compilation(let year):
            parts += listing(portal.reports(in: year))
        case .township(let township):
            parts += listing(portal.reports(of: township))
        case .home:
            parts.append(everything)
        case .supervision:
            parts.append(everything)
            // A deadline passing turns 未到期 into 未公开 with nothing else changed.
            parts.append(
                "not due " + Supervision.yearsNotDue(portal.years, deadline: portal.config.deadline, today: today).map(String.init).joined(separator: ","))
        case .directory(let directory):
            parts += directoryInputs(directory, everything: everything)
        case .search:
            // Its message without JavaScript: the years (in `common`), the townships and the count.
            parts += portal.townshipsWithReports.map { "\($0.slug) \($0.name)" } + ["\(portal.reports.count)"]
        case .notFound:
            break
        }
        return ContentHash.of(parts.joined(separator: "\n"))
    }

    /// What every page of each template shares, made once per build: the site, the templates the
    /// template uses, every path of the site and the years in the navigation.
    ///
    /// `pathsFingerprint` stands for every path of the site: a page kept without rendering is not
    /// link-checked again, so it is kept only while the set of pages its links may point to is the same.
    func commonInputs(pathsFingerprint: String) -> [String: String] {
        let years = portal.years.map(String.init).joined(separator: ",")
        return Dictionary(
            uniqueKeysWithValues: theme.templateInputs.map { template, used in
                (template, ContentHash.of([siteFingerprint, used, pathsFingerprint, template, years].joined(separator: "\n")))
            })
    }

    /// What a file made from every report (the open-data downloads, the sitemap) is made from.
    func everythingInputs(of path: String, pathsFingerprint: String) -> String? {
        siteFingerprint.isEmpty ? nil : ContentHash.of([siteFingerprint, pathsFingerprint, path, everything].joined(separator: "\n"))
    }

    /// What a report's `data.json` is made from: the site and the report file.
    func dataInputs(of report: Report) -> String? {
        siteFingerprint.isEmpty ? nil : ContentHash.of(siteFingerprint + "\n" + report.summaryHash + "\ndata")
    }

    /// The rendered page and the problems found in it (broken internal links).
    struct Rendered: Sendable {
        var html: String
        var diagnostics: [Diagnostic]
        /// Seconds spent in cmark and in the templates, for the timings.
        var markdownSeconds: Double = 0
        var templateSeconds: Double = 0
    }

    /// `body` is the report's narrative for a report page (see `ReportBody`), ignored for other pages.
    func render(_ page: SitePage, knownPaths: Set<String>, body: String = "") -> Rendered {
        let clock = ContinuousClock()
        var markdownTime = Duration.zero
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
            let markdownStart = clock.now
            let document = MarkdownDocument(body)
            bodyLinks = document.destinations
            source = report
            let parts: [[String: Any]]
            if let statistics = report.statistics {
                parts = Self.interleave(document.sections(allowUnsafe: portal.config.unsafeHTML), statistics, templates: tableTemplates)
            } else {
                // A legacy report: its narrative as written, its tables the body's own Markdown tables.
                parts = [["html": document.htmlWithPipeTables(allowUnsafe: portal.config.unsafeHTML)]]
            }
            markdownTime = clock.now - markdownStart
            context.merge(reportContext(report, page, parts: parts), uniquingKeysWith: { $1 })
            context["meta"] =
                (context["meta"] as? [[String: Any]] ?? []) + [
                    ["name": "ArticleTitle", "content": report.title],
                    ["name": "PubDate", "content": report.published.iso + " 00:00"],
                    ["name": "ContentSource", "content": report.issuer],
                ]
        case .compilation(let year):
            context.merge(compilationContext(year, page), uniquingKeysWith: { $1 })
        case .supervision:
            context.merge(supervisionContext(page), uniquingKeysWith: { $1 })
        case .directory(let directory):
            context.merge(directoryContext(directory, page), uniquingKeysWith: { $1 })
        case .search:
            context.merge(searchContext(page), uniquingKeysWith: { $1 })
        case .notFound:
            context.merge(pageInfo(title: "页面不存在_\(portal.config.siteName)", heading: "页面不存在", page: page, breadcrumbs: []), uniquingKeysWith: { $1 })
        }
        let templateStart = clock.now
        let html = theme.render(page.template, context: context)
        let templateTime = clock.now - templateStart
        // The office's copy of the supervision page lives outside the site: its links are not the site's.
        var diagnostics =
            page.rootOverride != nil
            ? []
            : LinkChecker.check(
                html: html, page: page, basePath: portal.config.basePath, knownPaths: knownPaths,
                report: source, bodyLinks: bodyLinks, template: page.template)
        if let source, !portal.config.unsafeHTML {
            for link in bodyLinks {
                if let refusal = LinkPolicy.refusal(of: link.url) {
                    diagnostics.append(.error(refusal, at: SourceLocation(file: source.source, line: source.bodyFirstLine + link.line - 1)))
                }
            }
        }
        return Rendered(
            html: html, diagnostics: diagnostics, markdownSeconds: BuildTimings.seconds(markdownTime),
            templateSeconds: BuildTimings.seconds(templateTime))
    }

    // MARK: - Contexts

    func link(_ target: String, from page: SitePage) -> String {
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
        var common = publishingContext(for: page).merging([
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
            // Years are few; townships can be hundreds, so they are listed on the home page only.
            "nav": [
                "years": portal.years.map { year -> [String: Any] in
                    ["label": "\(year)年度", "year": year, "url": link(SitePlan.yearPath(year), from: page), "current": page.kind == .year(year)]
                },
                "townshipsURL": link(SitePlan.home, from: page) + "#townships",
            ] as [String: Any],
        ]) { $1 }
        if hasSearch { common["searchURL"] = link(SitePlan.search, from: page) }
        return common
    }

    /// The search page: its form and results are made by `assets/search.js` from the index in
    /// `search/`; without JavaScript it says so and links the year and township pages.
    private func searchContext(_ page: SitePage) -> [String: Any] {
        var context = pageInfo(
            title: "检索_\(portal.config.siteName)", heading: "检索", page: page,
            breadcrumbs: [("首页", link(SitePlan.home, from: page)), ("检索", nil)])
        context["search"] =
            [
                "manifest": link(SearchLayout.manifestPath, from: page),
                "index": link(SearchLayout.folder + "/", from: page),
                "years": portal.years.map { year -> [String: Any] in
                    ["year": year, "label": "\(year)年度", "url": link(SitePlan.yearPath(year), from: page)]
                },
                // A long list (a province's townships) would make the page heavy for everyone: the home page lists them.
                "townships": portal.townshipsWithReports.count > Self.searchPageTownships
                    ? []
                    : portal.townshipsWithReports.map { township -> [String: Any] in
                        ["name": township.name, "url": link(SitePlan.townshipPath(township), from: page)]
                    },
                "townshipsURL": link(SitePlan.home, from: page) + "#townships",
                "reportCount": portal.reports.count,
            ] as [String: Any]
        return context
    }

    func summary(_ report: Report, from page: SitePage) -> [String: Any] {
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
            "legacy": report.isLegacy,
        ]
        item["documentNumber"] = report.documentNumber
        return item
    }

    func pageInfo(title: String, heading: String, page: SitePage, breadcrumbs: [(String, String?)]) -> [String: Any] {
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
            context["latest"] =
                [
                    "year": latest, "url": link(SitePlan.yearPath(latest), from: page),
                    "reports": portal.reports(in: latest).map { summary($0, from: page) },
                ] as [String: Any]
        }
        context["years"] = portal.years.map { year -> [String: Any] in
            ["year": year, "url": link(SitePlan.yearPath(year), from: page), "count": portal.reports(in: year).count]
        }
        context["townships"] = portal.townshipsWithReports.map { township -> [String: Any] in
            [
                "name": township.name, "organ": township.organ, "url": link(SitePlan.townshipPath(township), from: page),
                "count": portal.reports(of: township).count,
            ]
        }
        context["reportCount"] = portal.reports.count
        context["downloads"] = ["csv": link(OpenData.csvPath, from: page), "json": link(OpenData.jsonPath, from: page)]
        // A portal without reports yet has a home page that says so, and no supervision page.
        context["noReports"] = portal.reports.isEmpty
        if SitePlan.hasPublicSupervision(portal) { context["supervisionURL"] = link(SitePlan.supervision, from: page) }
        if let latest = portal.compilationYears.first { context["compilationURL"] = link(SitePlan.compilationPath(latest), from: page) }
        return context
    }

    private func yearContext(_ year: Int, _ page: SitePage) -> [String: Any] {
        let heading = "\(year)年度政府信息公开工作年度报告"
        var context = pageInfo(
            title: "\(year)年度_\(Self.category)_\(portal.config.siteName)", heading: heading, page: page,
            breadcrumbs: [("首页", link(SitePlan.home, from: page)), ("\(year)年度", nil)])
        let reports = portal.reports(in: year)
        context["year"] = year
        context["reports"] = reports.map { summary($0, from: page) }
        context["count"] = reports.count
        context["due"] = portal.config.deadline.dueDate(forReportYear: year).chinese
        // A year of legacy reports only has no compilation.
        if portal.compilationYears.contains(year) { context["compilationURL"] = link(SitePlan.compilationPath(year), from: page) }
        return context
    }

    private func townshipContext(_ township: Township, _ page: SitePage) -> [String: Any] {
        var context = pageInfo(
            title: "\(township.name)_\(Self.category)_\(portal.config.siteName)", heading: township.organ, page: page,
            breadcrumbs: [("首页", link(SitePlan.home, from: page)), (township.name, nil)])
        let reports = portal.reports(of: township)
        var info: [String: Any] = ["name": township.name, "organ": township.organ]
        info["creditCode"] = township.creditCode
        info.merge(historyContext(township, page), uniquingKeysWith: { $1 })
        context["township"] = info
        context["reports"] = reports.map { summary($0, from: page) }
        context["count"] = reports.count
        // Only reports with the official tables have figures to chart.
        let charted = reports.filter { !$0.isLegacy }
        if !charted.isEmpty { context["chart"] = chartContext(charted, township: township) }
        return context
    }

    private func reportContext(_ report: Report, _ page: SitePage, parts: [[String: Any]]) -> [String: Any] {
        var context = pageInfo(
            title: "\(report.title)_\(Self.category)_\(portal.config.siteName)", heading: report.title, page: page,
            breadcrumbs: [
                ("首页", link(SitePlan.home, from: page)),
                ("\(report.year)年度", link(SitePlan.yearPath(report.year), from: page)),
                (report.township.name, link(SitePlan.townshipPath(report.township), from: page)),
            ])
        var info = summary(report, from: page)
        info["category"] = Self.category
        info["issuer"] = report.issuer
        info["documentNumberOrNone"] = report.documentNumber ?? "无"
        info["written"] = report.written?.chinese
        info["parts"] = parts
        info["format"] = report.statistics?.format.rawValue ?? StatisticsParser.legacyFormat
        info["zeroReport"] = report.statistics?.isZeroReport ?? false
        info["hasBlankCells"] = report.statistics?.tables.contains(where: \.hasBlanks) ?? false
        info["dataURL"] = "data.json"
        info["attachments"] = AttachmentData.pageContext(report)
        info["hasAttachments"] = !report.attachments.isEmpty
        context["report"] = info
        if let around = neighbours[report.id] {
            if let previous = around.previous { context["previous"] = summary(portal.reports[previous], from: page) }
            if let next = around.next { context["next"] = summary(portal.reports[next], from: page) }
        }
        return context
    }

    // MARK: - Statistics

    /// The report's sections with the tables placed at sections 二, 三, 四: after the body's own
    /// heading of that number when it has one, otherwise (with the official heading) before the
    /// first later section, or at the end.
    static func interleave(_ sections: [MarkdownDocument.Section], _ statistics: Statistics, templates tableTemplates: TableLayout.Templates) -> [[String: Any]]
    {
        var pending = statistics.tables
        var parts: [[String: Any]] = []
        func emit(_ table: StatTable, withHeading: Bool) {
            var part: [String: Any] = [
                "table": TableLayout.context(for: table, prefix: table.spec.key, caption: caption(for: table.spec), templates: tableTemplates)
            ]
            if withHeading { part["heading"] = table.spec.heading }
            parts.append(part)
        }
        for section in sections {
            if let number = section.number {
                while let table = pending.first, table.spec.section < number {
                    emit(pending.removeFirst(), withHeading: true)
                }
            }
            parts.append(["html": section.html])
            if let number = section.number, let table = pending.first, table.spec.section == number {
                emit(pending.removeFirst(), withHeading: false)
            }
        }
        for table in pending { emit(table, withHeading: true) }
        return parts
    }

    static func caption(for spec: TableSpec) -> String { spec.id.caption }

    private func compilationContext(_ year: Int, _ page: SitePage) -> [String: Any] {
        let reports = portal.reports(in: year)
        var context = pageInfo(
            title: "\(year)年度全县汇总_\(Self.category)_\(portal.config.siteName)", heading: "\(portal.config.county)\(year)年度各乡镇政府信息公开工作年度报告数据汇总", page: page,
            breadcrumbs: [("首页", link(SitePlan.home, from: page)), ("\(year)年度", link(SitePlan.yearPath(year), from: page)), ("全县汇总", nil)])
        context["year"] = year
        // Only reports with the official tables are added up (a legacy report has none).
        let compiled = reports.filter { !$0.isLegacy }
        context["count"] = compiled.count
        context["townshipCount"] = portal.config.townships.count
        context["reports"] = Self.inline(compiled.map { summary($0, from: page) })
        // One compilation per layout: figures are added only across reports whose tables have the
        // same rows, so a report printing （六）其他处理 as one row is never split into F1–F3 (nor
        // put into F3): such reports have their own compilation. Legacy reports are in none.
        context["groups"] = StatisticsLayout.all.compactMap { layout -> [String: Any]? in
            let included = reports.filter { $0.statistics?.layout == layout }
            guard !included.isEmpty else { return nil }
            // A total that does not fit fails the build while reading (`CompilationCheck`): never here.
            guard case .success(let sum) = Statistics.sum(layout, included.compactMap(\.statistics)) else { return nil }
            let prefix = "f\(layout.format.rawValue)" + (layout.variant == .combined ? "-combined" : "")
            var group: [String: Any] = [
                "format": layout.format.rawValue,
                "formatLabel": Self.layoutLabel(layout),
                "count": included.count,
                "townships": included.map(\.township.name).joined(separator: "、"),
                "tables": sum.tables.map { table -> [String: Any] in
                    [
                        "heading": table.spec.heading,
                        "table": TableLayout.context(
                            for: table, prefix: "\(prefix)-\(table.spec.key)", caption: "\(Self.caption(for: table.spec))（\(included.count)份报告汇总）",
                            templates: tableTemplates),
                    ]
                },
            ]
            group["combined"] = layout.variant == .combined
            return group
        }
        let legacy = reports.filter(\.isLegacy)
        if !legacy.isEmpty { context["legacy"] = ["count": legacy.count, "reports": Self.inline(legacy.map { summary($0, from: page) })] as [String: Any] }
        return context
    }

    /// Items of a list written in a sentence (`城关镇、东湖镇`): each carries the separator that
    /// follows it, none after the last (Mustache has no notion of the last item).
    static func inline(_ items: [[String: Any]]) -> [[String: Any]] {
        items.enumerated().map { index, item in
            var item = item
            item["separator"] = index + 1 < items.count ? "、" : ""
            return item
        }
    }

    /// How the compilation page names a layout.
    static func layoutLabel(_ layout: StatisticsLayout) -> String {
        switch (layout.format, layout.variant) {
        case (.v2021, .official): "2021年版格式（国办公开办函〔2021〕30号）"
        case (.v2021, .combined): "2021年版格式，表三（六）其他处理印成一行"
        case (.v2019, _): "2019年试行格式（国办公开办函〔2019〕60号）"
        }
    }

    /// A township's lifecycle for its page: when it was set up or abolished, what it was called.
    private func historyContext(_ township: Township, _ page: SitePage) -> [String: Any] {
        let lifecycle = township.lifecycle
        var info: [String: Any] = [
            "formerNames": lifecycle.formerNames.map { ["name": $0.name, "organ": $0.organ, "until": $0.until] as [String: Any] }
        ]
        info["established"] = lifecycle.established
        info["abolished"] = lifecycle.abolished
        if let slug = lifecycle.mergedInto, let target = portal.config.townships.first(where: { $0.slug == slug }) {
            var merged: [String: Any] = ["name": target.name]
            if portal.townshipsWithReports.contains(where: { $0.slug == slug }) { merged["url"] = link(SitePlan.townshipPath(target), from: page) }
            info["mergedInto"] = merged
        }
        info["hasHistory"] = lifecycle.established != nil || lifecycle.abolished != nil || !lifecycle.formerNames.isEmpty
        return info
    }

    private func supervisionContext(_ page: SitePage) -> [String: Any] {
        let supervision = Supervision(portal: portal, findings: findings, today: today)
        // The office's copy (`supervision: office`, `build --office`) is outside the public site.
        let office = page.rootOverride != nil
        var context = pageInfo(
            title: "公开年报情况总览_\(Self.category)_\(portal.config.siteName)", heading: "政府信息公开工作年度报告公开情况总览", page: page,
            breadcrumbs: [("首页", link(SitePlan.home, from: page)), ("公开年报情况总览", nil)])
        context["years"] = supervision.years.map { ["year": $0, "due": portal.config.deadline.dueDate(forReportYear: $0).chinese] }
        let published = Set(portal.townshipsWithReports.map(\.slug))
        context["rows"] = supervision.rows.map { row -> [String: Any] in
            var item: [String: Any] = ["township": row.township.name]
            let formerNames = row.township.lifecycle.formerNames.map(\.name)
            if !formerNames.isEmpty { item["formerNames"] = formerNames.joined(separator: "、") }
            if published.contains(row.township.slug) { item["townshipURL"] = link(SitePlan.townshipPath(row.township), from: page) }
            item["cellsHTML"] = TemplateText { SupervisionLayout.cells(row.cells) { link(SitePlan.reportPath($0), from: page) } }
            item["cells"] = TemplateList(base: row.cells) { cell -> [String: Any] in
                var item: [String: Any] = [
                    "year": cell.year, "missing": cell.missing, "notDue": cell.notDue, "late": cell.late,
                    "zeroReport": cell.zeroReport, "legacy": cell.legacy, "findings": cell.arithmeticFindings,
                    "hasFindings": cell.arithmeticFindings > 0,
                ]
                item["absence"] = cell.absence.map(SupervisionLayout.label)
                item["nameOfTheYear"] = cell.nameOfTheYear
                if let report = cell.report {
                    item["url"] = link(SitePlan.reportPath(report), from: page)
                    item["published"] = report.published.chinese
                }
                return item
            }
            return item
        }
        var counts = (published: 0, missing: 0, late: 0, zero: 0, legacy: 0, findings: 0, notDue: 0, absent: 0)
        for cell in supervision.rows.flatMap(\.cells) {
            if cell.report != nil { counts.published += 1 }
            if cell.missing { counts.missing += 1 }
            if cell.notDue { counts.notDue += 1 }
            if cell.absence != nil { counts.absent += 1 }
            if cell.late { counts.late += 1 }
            if cell.zeroReport { counts.zero += 1 }
            if cell.legacy { counts.legacy += 1 }
            if cell.arithmeticFindings > 0 { counts.findings += 1 }
        }
        context["totals"] = [
            "published": counts.published, "missing": counts.missing, "late": counts.late,
            "zeroReports": counts.zero, "legacy": counts.legacy, "withFindings": counts.findings,
            "notDue": counts.notDue, "notExpected": counts.absent,
        ]
        context["office"] = office
        if office { context["meta"] = (context["meta"] as? [[String: Any]] ?? []) + [["name": "robots", "content": "noindex, nofollow"]] }
        context["deadline"] = portal.config.deadline.chinese
        context["findings"] = supervision.findings.map { finding -> [String: Any] in
            var url = link(SitePlan.reportPath(finding.report), from: page)
            if let anchor = finding.anchor { url += "#" + anchor }
            var item: [String: Any] = [
                "title": finding.report.title, "township": finding.report.township.name,
                // Plain words only: rule codes and file names are for `check` and the office.
                "year": finding.report.year, "url": url, "message": finding.diagnostic.publicMessage ?? "统计数据需要人工复核",
                "severity": finding.diagnostic.severity == .error ? "错误" : "提示",
                "isError": finding.diagnostic.severity == .error,
            ]
            item["ruleName"] = finding.diagnostic.rule?.name
            if office { item["rule"] = finding.diagnostic.rule?.rawValue }
            return item
        }
        context["findingCount"] = supervision.findings.count
        return context
    }

    private func chartContext(_ reports: [Report], township: Township) -> [String: Any] {
        let chart = FigureChart(reports: reports)
        let years = reports.map(\.year).sorted()
        return [
            "svg": chart.svg(idPrefix: "chart", subject: "\(township.name)历年"),
            "years": years,
            "series": chart.series.map { series -> [String: Any] in
                ["label": series.label, "values": series.values.map { ["year": $0.year, "text": $0.value?.text ?? ""] }]
            },
        ]
    }
}
