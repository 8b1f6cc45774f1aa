/// One published annual report, validated and tied to its township.
///
/// A class, and immutable: index pages, fingerprints and sums pass reports around by the
/// thousand, and a reference is one retain where a copy of every field would be twenty.
final class Report: Sendable, Identifiable {
    /// The content file it came from, as shown in messages.
    let source: String
    let title: String
    let township: Township
    /// The reporting year (the report for Y is published in Y+1).
    let year: Int
    /// 发布日期: exactly as written in the front matter.
    let published: CalendarDate
    /// 成文日期, when given.
    let written: CalendarDate?
    /// 索引号: unique and permanent.
    let indexNumber: String
    /// 发布机构: the full organ name.
    let issuer: String
    /// 文号, when the report has one.
    let documentNumber: String?
    /// Files published with the report (`attachments:`), found and checked.
    let attachments: [Attachment]
    /// Fingerprint of what the report page shows of its attachments ("" without any).
    let attachmentsHash: String
    /// The three statistics tables, exactly as published; nil for a legacy report (`format:
    /// legacy`, before 2019), whose tables are Markdown tables in its narrative. A legacy report is
    /// on the year and township pages and in the open data, but in no compilation and no rule.
    let statistics: Statistics?
    /// The file line on which the narrative starts, so problems in it can point into the file.
    let bodyFirstLine: Int
    /// The content file's absolute path: the narrative is read from it when the page is rendered (`ReportBody`).
    let file: String
    /// Fingerprint of the content file (see `ReportSource.contentHash`).
    let contentHash: String
    /// Fingerprint of what other pages show of the report (see `ReportSource.summaryHash`).
    let summaryHash: String
    /// Findings of the rules within this report (see `StatisticsChecker.check(_:file:)`).
    let findings: [Diagnostic]
    let id: ReportID

    /// A report of the years before the official format, without tables in its front matter.
    var isLegacy: Bool { statistics == nil }

    init(
        source: String, title: String, township: Township, year: Int, published: CalendarDate,
        written: CalendarDate? = nil, indexNumber: String, issuer: String, documentNumber: String? = nil, attachments: [Attachment] = [],
        statistics: Statistics?, bodyFirstLine: Int = 1, file: String? = nil, contentHash: String = "", summaryHash: String? = nil,
        findings: [Diagnostic] = []
    ) {
        self.source = source
        self.title = title
        self.township = township
        self.year = year
        self.published = published
        self.written = written
        self.indexNumber = indexNumber
        self.issuer = issuer
        self.documentNumber = documentNumber
        self.attachments = attachments
        self.attachmentsHash = attachments.isEmpty ? "" : ContentHash.of(attachments.map(\.shownFingerprint).joined(separator: "\n"))
        self.statistics = statistics
        self.bodyFirstLine = bodyFirstLine
        self.file = file ?? source
        self.contentHash = contentHash
        self.summaryHash = summaryHash ?? contentHash
        self.findings = findings
        self.id = ReportID(township: township.slug, year: year)
    }
}
