import Foundation

/// Turns a delivered report (Word, saved HTML page or copied text) into a content file:
/// front matter with the tables as structured data, and the narrative as Markdown.
public struct ReportImporter: Sendable {
    /// What the user said on the command line; each overrides what is detected.
    public struct Overrides: Sendable {
        public var township: String?
        public var year: Int?
        public var published: CalendarDate?
        public var indexNumber: String?

        public init(township: String? = nil, year: Int? = nil, published: CalendarDate? = nil, indexNumber: String? = nil) {
            self.township = township
            self.year = year
            self.published = published
            self.indexNumber = indexNumber
        }
    }

    /// The imported report: the content file's text and where it belongs.
    struct Result: Sendable {
        var township: Township
        var year: Int
        /// The content file, ready to write.
        var text: String
        /// Things the importer was unsure of; the file is written only when empty (or with --partial).
        var issues: [ImportIssue]
        var encoding: String?
    }

    let config: PortalConfig
    let overrides: Overrides

    init(config: PortalConfig, overrides: Overrides = Overrides()) {
        self.config = config
        self.overrides = overrides
    }

    /// Reads a file of any supported kind.
    func importFile(_ url: URL, displayPath: String) throws(DiagnosticsError) -> Result {
        let kind = url.pathExtension.lowercased()
        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        guard size <= 50 * 1024 * 1024 else {
            throw DiagnosticsError([
                .error("the file is \(size / 1024 / 1024) MB; portal-gen imports files of at most 50 MB", at: SourceLocation(file: displayPath, line: 1))
            ])
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticsError([.error("cannot read the file: \(error.localizedDescription)", at: SourceLocation(file: displayPath, line: 1))])
        }
        switch kind {
        case "docx":
            return try recognize(DocxReader.read(url, displayPath: displayPath), plainText: false, displayPath: displayPath, encoding: nil)
        case "html", "htm":
            return try recognize(HTMLReader.read(data, displayPath: displayPath), plainText: false, displayPath: displayPath, encoding: nil)
        case "txt", "md", "text":
            let decoded = try EncodingDetector.decode(data, path: displayPath)
            return try recognize(PlainTextReader.read(decoded.text), plainText: true, displayPath: displayPath, encoding: decoded.encoding)
        default:
            throw DiagnosticsError([
                .error(
                    "portal-gen cannot import `.\(kind)` files; it reads .docx, .html/.htm and .txt/.md (for .doc or .pdf, save as .docx, or copy the text into a .txt file)",
                    at: SourceLocation(file: displayPath, line: 1))
            ])
        }
    }

    static let sectionKeywords: [Int: [String]] = [
        1: ["总体情况", "概述", "基本情况"], 2: ["主动公开"], 3: ["收到和处理", "依申请"], 4: ["复议", "诉讼"],
        5: ["问题", "改进", "整改"], 6: ["其他需要报告", "其他事项", "需要报告"],
    ]

    /// The section number of a heading such as `三、收到和处理政府信息公开申请情况`, when it is one.
    static func sectionNumber(_ text: String, after current: Int) -> Int? {
        let normalized = CellText.normalize(text)
        guard normalized.count <= 40, let number = MarkdownDocument.sectionNumber(normalized), number > current, number <= 6,
            sectionKeywords[number]!.contains(where: normalized.contains)
        else { return nil }
        return number
    }

    func recognize(_ document: SourceDocument, plainText: Bool, displayPath: String, encoding: String?) throws(DiagnosticsError) -> Result {
        // 1. The title, and the township and year it names.
        let paragraphs = document.blocks.compactMap { block -> SourceDocument.Paragraph? in
            if case .paragraph(let paragraph) = block { return paragraph } else { return nil }
        }
        let titleParagraph = paragraphs.prefix(8).first { CellText.normalize($0.text).contains("年度报告") }
        let title = (titleParagraph?.text ?? document.metadata["标题"]).map { HTMLTree.collapse($0).replacingOccurrences(of: " ", with: "") } ?? ""
        let township = try findTownship(title: title, displayPath: displayPath)
        let year = try findYear(title: title, displayPath: displayPath)

        // 2. Sections: narrative paragraphs, and the table material of sections 二, 三, 四.
        var section = 0
        var narrative: [(section: Int, paragraph: SourceDocument.Paragraph)] = []
        var tableItems: [Int: [TableRecognizer.Item]] = [:]
        var unplacedTables: [[TableRecognizer.Item]] = []
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                if let titleParagraph, paragraph.position == titleParagraph.position, paragraph.text == titleParagraph.text { continue }
                if let number = Self.sectionNumber(paragraph.text, after: section) {
                    section = number
                    narrative.append((number, paragraph))
                } else if plainText, (2...4).contains(section) {
                    tableItems[section, default: []] += TableRecognizer.items([[paragraph.text]], [paragraph.position])
                } else if section > 0 || !narrative.isEmpty || !paragraph.text.isEmpty {
                    narrative.append((section, paragraph))
                }
            case .table(let table):
                let items = TableRecognizer.items(table.rows, table.positions)
                if (2...4).contains(section) {
                    tableItems[section, default: []] += items
                } else {
                    unplacedTables.append(items)
                }
            }
        }
        // Tables outside sections 二–四 (a document without those headings) are placed by their content.
        for items in unplacedTables {
            let text = items.map(\.raw).joined()
            let target = text.contains("本年新收") ? 3 : text.contains("结果维持") ? 4 : text.contains("第二十条") || text.contains("行政许可") ? 2 : nil
            if let target { tableItems[target, default: []] += items }
        }

        // 3. The tables.
        var outcome = TableRecognizer.Outcome()
        let start = SourceDocument.Position(line: 1)
        for (number, name) in TableID.allCases.map({ ($0.section, "\($0.label) (\($0.heading))") }) where tableItems[number]?.isEmpty ?? true {
            outcome.issues.append(ImportIssue(position: start, message: "table \(name) was not found"))
        }
        let t2Format = tableItems[2].map { TableRecognizer.t2($0, into: &outcome) } ?? nil
        let t3Format = tableItems[3].map { TableRecognizer.t3($0, into: &outcome) } ?? nil
        if let items = tableItems[4] { TableRecognizer.t4(items, into: &outcome) }
        if let t2Format, let t3Format, t2Format != t3Format {
            outcome.issues.append(
                ImportIssue(position: start, message: "T2 is in the \(t2Format.rawValue) format but T3 in the \(t3Format.rawValue) format; check the tables"))
        }
        let format = t3Format ?? t2Format ?? .v2021

        // 4. The details only a saved page carries, and the command line.
        let published: CalendarDate
        if let given = overrides.published {
            published = given
        } else {
            published = try publishedDate(document.metadata, displayPath: displayPath)
        }
        guard let indexNumber = overrides.indexNumber ?? document.metadata["索引号"] else {
            throw DiagnosticsError([
                .error(
                    "the file has no 索引号 (index number); pass it with --index-number, e.g. --index-number \(township.creditCode ?? "<统一社会信用代码>")/\(published.year)-00001",
                    at: SourceLocation(file: displayPath, line: 1))
            ])
        }
        let text = ContentFileWriter.write(
            title: title.isEmpty ? "\(config.county)\(township.name)人民政府\(year)年政府信息公开工作年度报告" : title,
            township: township, year: year, published: published,
            written: document.metadata["成文日期"].flatMap { Self.parseDate($0) },
            indexNumber: indexNumber,
            issuer: document.metadata["发布机构"].flatMap { $0 == township.organ ? nil : $0 },
            documentNumber: document.metadata["文号"].flatMap { $0 == "无" ? nil : $0 },
            format: format, tables: outcome.cells,
            narrative: narrative.map { ($0.section, $0.paragraph.text, $0.paragraph.headingLevel) }, notes: outcome.notes)
        return Result(township: township, year: year, text: text, issues: outcome.issues, encoding: encoding)
    }

    func findTownship(title: String, displayPath: String) throws(DiagnosticsError) -> Township {
        let location = SourceLocation(file: displayPath, line: 1)
        let names = config.townships.map(\.name)
        if let name = overrides.township {
            if let township = config.township(named: name) { return township }
            throw DiagnosticsError([
                .error("--township `\(name)` is not listed in portal.yml; the closest listed names are: \(closest(to: name).joined(separator: "、"))", at: nil)
            ])
        }
        let matches = config.townships.filter { title.contains($0.organ) || title.contains($0.name) }
        if let best = matches.max(by: { $0.name.count < $1.name.count }) { return best }
        let guess = title.range(of: #"[\p{Han}]{1,6}?(镇|乡|街道|办事处)"#, options: .regularExpression).map { String(title[$0]) } ?? title
        var message =
            title.isEmpty ? "no report title (…年度报告) was found, so the township is unknown" : "the title `\(title)` names no township listed in portal.yml"
        message += "; the closest listed names are: \(closest(to: guess).joined(separator: "、")); pass --township NAME, or add the township to portal.yml"
        if names.isEmpty { message = "portal.yml lists no townships" }
        throw DiagnosticsError([.error(message, at: location)])
    }

    func closest(to text: String) -> [String] {
        Suggestion.nearest(to: text, in: config.townships.map(\.name))
    }

    func findYear(title: String, displayPath: String) throws(DiagnosticsError) -> Int {
        if let year = overrides.year { return year }
        let normalized = CellText.normalize(title)
        if let range = normalized.range(of: #"(19|20)\d\d(?=年)"#, options: .regularExpression), let year = Int(normalized[range]) {
            return year
        }
        throw DiagnosticsError([.error("no reporting year was found in the title `\(title)`; pass --year YEAR", at: SourceLocation(file: displayPath, line: 1))]
        )
    }

    func publishedDate(_ metadata: [String: String], displayPath: String) throws(DiagnosticsError) -> CalendarDate {
        if let text = metadata["发布日期"], let date = Self.parseDate(text) { return date }
        throw DiagnosticsError([
            .error(
                "the file does not say when the report was published; pass --published YYYY-MM-DD (the 发布日期 on the portal)",
                at: SourceLocation(file: displayPath, line: 1))
        ])
    }

    /// `2024-02-06`, `2024/2/6`, `2024年2月6日`, `2024.02.06`, possibly followed by a time.
    static func parseDate(_ text: String) -> CalendarDate? {
        let normalized = CellText.normalize(text)
        guard let range = normalized.range(of: #"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})"#, options: .regularExpression) else { return nil }
        let numbers = normalized[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        return CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2])
    }
}
