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
    /// The narrative in Markdown.
    public var body: String
    /// The file line on which `body` starts, so body problems can point into the file.
    public var bodyFirstLine: Int
    /// Fingerprint of the content file (see `ReportSource.contentHash`).
    public var contentHash: String = ""

    public var id: String { "\(township.slug)/\(year)" }

    public init(source: String, title: String, township: Township, year: Int, published: CalendarDate,
                written: CalendarDate? = nil, indexNumber: String, issuer: String, documentNumber: String? = nil,
                statistics: Statistics, body: String, bodyFirstLine: Int = 1) {
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
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }
}
