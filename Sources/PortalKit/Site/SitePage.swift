/// One page the site will contain, before it is rendered.
struct SitePage: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case home
        case year(Int)
        case township(Township)
        /// Index into `Portal.reports`.
        case report(Int)
        /// The county-wide sum of a year's tables (全县汇总).
        case compilation(Int)
        /// The township × year publication grid and the list of findings (公开年报情况总览).
        case supervision
        /// 网站地图 and RSS订阅: pages of links to the rest of the site (see `Directory`).
        case directory(Directory)
        /// The full-text search (检索); its index is written beside it (see `SearchIndexWriter`).
        case search
        case notFound
    }

    let kind: Kind
    /// Path inside the output folder, `/`-separated, e.g. `2024/huazhuang/index.html`.
    let path: String
    /// The prefix to the site root when the page is written outside the site (the office's copy
    /// of the supervision page); nil for every page of the site.
    var rootOverride: String? = nil

    /// The name of the theme template that renders this page.
    var template: String {
        switch kind {
        case .home: "home"
        case .year: "year"
        case .township: "township"
        case .report: "report"
        case .compilation: "compilation"
        case .supervision: "supervision"
        case .directory(let directory): directory.template
        case .search: "search"
        case .notFound: "404"
        }
    }

    /// The prefix that leads from this page back to the site root (`""`, `../`, `../../`).
    var rootPrefix: String {
        rootOverride ?? String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
