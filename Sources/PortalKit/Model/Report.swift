/// One published annual report, validated and tied to its township.
public struct Report: Sendable, Identifiable {
    /// The content file it came from, as shown in messages.
    public var source: String
    public var title: String
    public var township: Township
    /// The reporting year (the report for Y is published in Y+1).
    public var year: Int
    /// 发布日期: exactly as written in the front matter.
    public var published: CalendarDate
    /// 成文日期, when given.
    public var written: CalendarDate?
    /// 索引号: unique and permanent.
    public var indexNumber: String
    /// 发布机构: the full organ name.
    public var issuer: String
    /// 文号, when the report has one.
    public var documentNumber: String?
    /// The three statistics tables, exactly as published.
    public var statistics: Statistics
    /// The file line on which the narrative starts, so problems in it can point into the file.
    public var bodyFirstLine: Int
    /// The content file's absolute path: the narrative is read from it when the page is rendered (`ReportBody`).
    public var file: String
    /// Fingerprint of the content file (see `ReportSource.contentHash`).
    public var contentHash: String = ""
    /// Findings of the rules within this report (see `StatisticsChecker.check(_:file:)`).
    public var findings: [Diagnostic] = []

    public var id: String { "\(township.slug)/\(year)" }

    public init(source: String, title: String, township: Township, year: Int, published: CalendarDate,
                written: CalendarDate? = nil, indexNumber: String, issuer: String, documentNumber: String? = nil,
                statistics: Statistics, bodyFirstLine: Int = 1, file: String? = nil) {
        self.source = source
        self.title = title
        self.township = township
        self.year = year
        self.published = published
        self.written = written
        self.indexNumber = indexNumber
        self.issuer = issuer
        self.documentNumber = documentNumber
        self.statistics = statistics
        self.bodyFirstLine = bodyFirstLine
        self.file = file ?? source
    }
}
