/// A report as written in its content file: parsed and typed, not yet checked against the settings
/// or the other reports.
struct ReportSource: Sendable {
    static let keys =
        ["title", "township", "year", "published", "written", "index_number", "issuer", "document_number", AttachmentEntry.key]
        + StatisticsParser.keys

    var path: String
    var title: String
    var township: String
    var year: Int
    var published: CalendarDate
    var written: CalendarDate?
    var indexNumber: String
    var issuer: String?
    var documentNumber: String?
    /// Files kept beside the report file and published with it (`attachments:`), as written;
    /// the files themselves are checked on every build (`AttachmentCheck`).
    var attachments: [AttachmentEntry] = []
    /// The three statistics tables (T2, T3, T4); nil for a legacy report (`format: legacy`), whose
    /// tables are Markdown tables in its body.
    var statistics: Statistics?
    /// The file line on which the Markdown narrative starts. The narrative itself is not kept:
    /// its page reads it again (see `ReportBody`), so a build never holds every report's text.
    var bodyFirstLine: Int
    /// The file's absolute path, for reading the narrative again when its page is rendered.
    var file: String
    /// Findings of the rules within this report (statistics and narrative), made while its text was at hand.
    var findings: [Diagnostic] = []
    /// Fingerprint of the whole file, so an unchanged report's pages need not be rendered again.
    var contentHash: String = ""
    /// Fingerprint of what pages other than the report's own show of it: its front matter and its
    /// findings, not its narrative. An edit of the narrative renders the report's page again, not
    /// every list the report is on.
    var summaryHash: String = ""
    /// Where each front-matter value of `keys` is written (same order), for messages from later
    /// stages; kept as compact positions because every report carries them.
    var keyPositions: [TableLocations.Position]

    func location(of key: String) -> SourceLocation {
        guard let index = Self.keys.firstIndex(of: key), keyPositions.indices.contains(index), keyPositions[index].line > 0 else {
            return SourceLocation(file: path, line: 1)
        }
        return SourceLocation(file: path, line: Int(keyPositions[index].line), column: Int(keyPositions[index].column))
    }

    /// A warning at each line of the narrative that still holds a placeholder of `portal-gen new`.
    static func placeholders(in body: String, firstLine: Int, file: String) -> [Diagnostic] {
        guard body.contains(ReportSection.placeholderOpening) else { return [] }
        return body.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, line in
            guard let range = line.range(of: ReportSection.placeholderOpening) else { return nil }
            let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
            return .warning(.placeholderLeft, at: SourceLocation(file: file, line: firstLine + offset, column: column))
        }
    }

    /// Parses one report file; problems are appended to `diagnostics`, and nil is returned when
    /// a required detail is missing or unreadable.
    /// `file` is the absolute path the narrative is read from again; it defaults to `source.path`.
    static func parse(_ source: SourceText, file: String? = nil, diagnostics: inout [Diagnostic]) -> ReportSource? {
        let frontMatter: FrontMatter
        do {
            frontMatter = try FrontMatter.split(source)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
        guard
            var fields = YAMLFields.parse(
                yaml: frontMatter.yaml, file: source.path, lineOffset: frontMatter.yamlFirstLine - 1,
                part: .frontMatter, diagnostics: &diagnostics)
        else { return nil }
        fields.rejectUnknownKeys(keys, in: .frontMatter)
        let title = fields.string("title", "标题", required: true)
        let township = fields.string("township", "乡镇", required: true)
        let year = fields.int("year", "年度", required: true, range: 2008...9999)
        let published = fields.date("published", "发布日期", required: true)
        let written = fields.date("written", "成文日期")
        let indexNumber = fields.string("index_number", "索引号", required: true)
        let issuer = fields.string("issuer", "发布机构")
        let documentNumber = fields.string("document_number", "文号")
        let attachments = AttachmentEntry.parse(&fields)
        let parsed = StatisticsParser.parse(&fields)
        if case .legacy = parsed, let year, year >= ReportFormat.firstYear {
            diagnostics.append(.warning(.legacyInOfficialYear(year: year), at: fields.location(ofKey: "format")))
        }
        let positions = keys.map { key in
            (fields.node(key) ?? fields.keyNode(key)).map { TableLocations.Position(fields.location(of: $0)) } ?? .unknown
        }
        diagnostics += fields.diagnostics
        diagnostics += placeholders(in: frontMatter.body, firstLine: frontMatter.bodyFirstLine, file: source.path)
        guard !fields.diagnostics.hasErrors, let title, let township, let year, let published, let indexNumber, let parsed else { return nil }
        // A legacy report has no tables: no rule applies to it (nor N-1, which quotes T3).
        var statistics: Statistics?
        var findings: [Diagnostic] = []
        if case .tables(let tables) = parsed {
            statistics = tables
            findings =
                StatisticsChecker.check(tables, file: source.path)
                + StatisticsChecker.checkNarrative(frontMatter.body, firstLine: frontMatter.bodyFirstLine, t3: tables.t3, file: source.path)
        }
        return ReportSource(
            path: source.path, title: title, township: township, year: year, published: published,
            written: written, indexNumber: indexNumber, issuer: issuer, documentNumber: documentNumber, attachments: attachments,
            statistics: statistics, bodyFirstLine: frontMatter.bodyFirstLine, file: file ?? source.path,
            findings: findings, contentHash: ContentHash.of(source.text),
            summaryHash: ContentHash.of(frontMatter.yaml + "\n" + findings.map { $0.rendered(.english) }.joined(separator: "\n")), keyPositions: positions)
    }
}
