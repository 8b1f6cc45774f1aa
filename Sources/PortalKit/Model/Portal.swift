/// The validated model: settings plus every report, with the orderings every page needs.
///
/// The groupings are computed once here, so that rendering a page never scans all reports.
struct Portal: Sendable {
    let config: PortalConfig
    /// Reports ordered by year (newest first), then by the county's township order.
    let reports: [Report]
    /// Years that have at least one report, newest first.
    let years: [Int]
    /// Townships that have at least one report, in the county's order.
    let townshipsWithReports: [Township]
    /// Years with a county compilation: at least one report with the official tables (a year of
    /// legacy reports only has none), newest first.
    let compilationYears: [Int]
    private let indicesByYear: [Int: [Int]]
    private let indicesByTownship: [String: [Int]]

    init(config: PortalConfig, reports: [Report]) {
        self.config = config
        let sorted = reports.sorted { ($1.year, $0.township.order) < ($0.year, $1.township.order) }
        self.reports = sorted
        var byYear: [Int: [Int]] = [:]
        var byTownship: [String: [Int]] = [:]
        var years: [Int] = []
        for (index, report) in sorted.enumerated() {
            if byYear[report.year] == nil { years.append(report.year) }
            byYear[report.year, default: []].append(index)
            byTownship[report.township.slug, default: []].append(index)
        }
        self.years = years
        compilationYears = years.filter { year in byYear[year]!.contains { !sorted[$0].isLegacy } }
        indicesByYear = byYear
        indicesByTownship = byTownship
        townshipsWithReports = config.townships.filter { byTownship[$0.slug] != nil }
    }

    /// A year's reports in the county's township order.
    func reports(in year: Int) -> [Report] {
        (indicesByYear[year] ?? []).map { reports[$0] }
    }

    /// A township's reports, newest first.
    func reports(of township: Township) -> [Report] {
        (indicesByTownship[township.slug] ?? []).map { reports[$0] }
    }
}
