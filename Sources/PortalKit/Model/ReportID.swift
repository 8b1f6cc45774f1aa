/// Which report a report is: a township (by its slug) and a reporting year. A portal has at most
/// one report per township and year, so this is what joins findings, pages and neighbours to it.
public struct ReportID: Hashable, Sendable, Codable, CustomStringConvertible {
    public var township: String
    public var year: Int

    public init(township: String, year: Int) {
        self.township = township
        self.year = year
    }

    /// `slug/year`, as fingerprints and messages write it.
    public var description: String { "\(township)/\(year)" }
}
