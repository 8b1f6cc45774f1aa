/// The validated model: settings plus every report, with the orderings every page needs.
public struct Portal: Sendable {
    public let config: PortalConfig
    /// Reports ordered by year (newest first), then by the county's township order.
    public let reports: [Report]

    public init(config: PortalConfig, reports: [Report]) {
        self.config = config
        self.reports = reports.sorted { ($1.year, $0.township.order) < ($0.year, $1.township.order) }
    }

    /// Years that have at least one report, newest first.
    public var years: [Int] {
        var seen = Set<Int>()
        return reports.map(\.year).filter { seen.insert($0).inserted }
    }

    /// Townships that have at least one report, in the county's order.
    public var townshipsWithReports: [Township] {
        let slugs = Set(reports.map(\.township.slug))
        return config.townships.filter { slugs.contains($0.slug) }
    }

    /// A year's reports in the county's township order.
    public func reports(in year: Int) -> [Report] {
        reports.filter { $0.year == year }
    }

    /// A township's reports, newest first.
    public func reports(of township: Township) -> [Report] {
        reports.filter { $0.township.slug == township.slug }
    }
}
