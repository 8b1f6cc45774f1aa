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
        /// Write a pre-2019 report (`format: legacy`): its tables as Markdown tables in the body.
        public var legacy: Bool

        public init(
            township: String? = nil, year: Int? = nil, published: CalendarDate? = nil, indexNumber: String? = nil, legacy: Bool = false
        ) {
            self.township = township
            self.year = year
            self.published = published
            self.indexNumber = indexNumber
            self.legacy = legacy
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
                .error(.importTooLarge(megabytes: size / 1024 / 1024, limit: 50), at: SourceLocation(file: displayPath, line: 1))
            ])
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticsError([.error(.fileUnreadable(reason: error.localizedDescription), at: SourceLocation(file: displayPath, line: 1))])
        }
        switch kind {
        case "docx":
            return try recognize(DocxReader.read(url, displayPath: displayPath), plainText: false, displayPath: displayPath, encoding: nil)
        case "pdf":
            return try recognize(PDFReader.read(url, displayPath: displayPath), plainText: true, displayPath: displayPath, encoding: nil)
        case _ where WordConverter.kinds.contains(kind):
            // Word 97–2003, WPS and RTF: converted to .docx by LibreOffice; messages name the original.
            return try WordConverter.withDocx(of: url, kind: kind, displayPath: displayPath) { docx throws(DiagnosticsError) in
                try recognize(DocxReader.read(docx, displayPath: displayPath), plainText: false, displayPath: displayPath, encoding: nil)
            }
        case "html", "htm":
            return try recognize(HTMLReader.read(data, displayPath: displayPath), plainText: false, displayPath: displayPath, encoding: nil)
        case "txt", "md", "text":
            let decoded = try EncodingDetector.decode(data, path: displayPath)
            // Text taken from a scan holds (almost) nothing: say so rather than ask for a title.
            guard decoded.text.contains(where: { !$0.isWhitespace }) else {
                throw DiagnosticsError([.error(.importTextEmpty, at: SourceLocation(file: displayPath, line: 1))])
            }
            let document =
                FlatTextReader.looksFlat(decoded.text)
                ? FlatTextReader.read(decoded.text)
                : LayoutTextReader.looksLaidOut(decoded.text)
                    ? LayoutAssembler.assemble(LayoutTextReader.read(decoded.text)) : PlainTextReader.read(TextNormalizer.normalize(decoded.text))
            return try recognize(document, plainText: true, displayPath: displayPath, encoding: decoded.encoding)
        default:
            throw DiagnosticsError([
                .error(.importKindUnsupported(kind: kind), at: SourceLocation(file: displayPath, line: 1))
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

    /// The document with Kangxi radicals and compatibility ideographs read as the characters they show.
    static func normalized(_ document: SourceDocument) -> SourceDocument {
        var result = document
        result.blocks = document.blocks.map { block in
            switch block {
            case .paragraph(var paragraph):
                paragraph.text = TextNormalizer.normalize(paragraph.text)
                return .paragraph(paragraph)
            case .table(var table):
                table.rows = table.rows.map { $0.map { $0.map(TextNormalizer.normalize) } }
                return .table(table)
            }
        }
        result.metadata = document.metadata.mapValues(TextNormalizer.normalize)
        return result
    }

    /// The section of a table caption written with any numbering (`一、主动公开政府信息情况`, `表三
    /// 收到和处理政府信息公开申请情况`), when the text is one.
    static func tableCaption(_ text: String) -> Int? {
        let normalized = CellText.normalize(text)
        guard normalized.count <= 40 else { return nil }
        return TableID.allCases.first { table in
            let caption = CellText.normalize(table.caption)
            guard normalized.hasSuffix(caption) else { return false }
            let prefix = normalized.dropLast(caption.count)
            return prefix.count <= 4 && prefix.allSatisfy { "一二三四五六七八九十、.表()0123456789".contains($0) }
        }?.section
    }

    func recognize(_ source: SourceDocument, plainText: Bool, displayPath: String, encoding: String?) throws(DiagnosticsError) -> Result {
        let document = Self.normalized(source)
        // 1. The title, and the township and year it names.
        let paragraphs = document.blocks.compactMap { block -> SourceDocument.Paragraph? in
            if case .paragraph(let paragraph) = block { return paragraph } else { return nil }
        }
        let titleParagraph = paragraphs.prefix(8).first { CellText.normalize($0.text).contains("年度报告") }
        // A title is a line; in a page flattened onto one line it ends with 年度报告 and the report follows.
        let (titleText, titleRest) = titleParagraph.map { Self.splitTitle($0.text) } ?? (nil, "")
        let title = (titleText ?? document.metadata["标题"]).map { HTMLTree.collapse($0).replacingOccurrences(of: " ", with: "") } ?? ""
        let township = try findTownship(title: title)
        let year = findYear(title: title)
        let metadata = document.metadata.merging(Self.statedDetails(paragraphs.prefix(30).map(\.text))) { page, _ in page }

        // 2. Sections: narrative paragraphs, and the table material of sections 二, 三, 四.
        var section = 0
        var narrative: [(section: Int, paragraph: SourceDocument.Paragraph)] = []
        var tableItems: [Int: [TableRecognizer.Item]] = [:]
        var unplacedTables: [[TableRecognizer.Item]] = []
        for block in document.blocks {
            switch block {
            case .paragraph(var paragraph):
                if let titleParagraph, paragraph.position == titleParagraph.position, paragraph.text == titleParagraph.text {
                    if titleRest.isEmpty { continue }
                    paragraph.text = titleRest
                }
                if section == 0, !Self.statedDetails([paragraph.text]).isEmpty { continue }
                if let number = Self.sectionNumber(paragraph.text, after: section) {
                    section = number
                    narrative.append((number, paragraph))
                } else if let number = Self.tableCaption(paragraph.text), number != section {
                    // The tables printed after the narrative, numbered anew (`一、主动公开政府信息情况`).
                    section = number
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
        outcome.issues += document.issues
        let start = SourceDocument.Position(line: 1)
        let missingTables = TableID.allCases.filter { tableItems[$0.section]?.isEmpty ?? true }
        for table in missingTables {
            outcome.issues.append(ImportIssue(position: start, message: .importTableMissing(table: "\(table.label)（\(table.heading)）")))
        }
        let t2Format = tableItems[2].map { TableRecognizer.t2($0, into: &outcome) } ?? nil
        let t3Format = tableItems[3].map { TableRecognizer.t3($0, into: &outcome) } ?? nil
        if let items = tableItems[4] { TableRecognizer.t4(items, into: &outcome) }
        // A 2021 T2 with （六）其他处理 as one row in T3: the combined variant real districts publish.
        let variant: T3Variant = t2Format == .v2021 && t3Format == .v2019 ? .combined : .official
        if let t2Format, let t3Format, t2Format != t3Format, variant == .official {
            outcome.issues.append(
                ImportIssue(position: start, message: .importFormatsDiffer(t2: t2Format.rawValue, t3: t3Format.rawValue)))
        }
        let format = variant == .combined ? .v2021 : t3Format ?? t2Format ?? .v2021
        // Before 2019 no table format was fixed: a report without the official T3 is kept as published.
        let t3Found = outcome.cells[.t3].map { !$0.isEmpty } ?? false
        let legacy = overrides.legacy || (year.map { $0 < 2019 } ?? false) && !t3Found
        // A missing table leaves all its cells blank (its issues come after the reader's own).
        let missingOffset = document.issues.count
        for (index, table) in missingTables.enumerated() {
            outcome.issues[missingOffset + index].cells = StatisticsSchema.tables(for: format).first { $0.id == table }?.cellCount ?? 0
        }

        // 4. The details the document states (a saved page's metadata block, or lines such as
        // `索引号：…` under the title), and the command line; everything missing is asked for at once.
        let published = overrides.published ?? metadata["发布日期"].flatMap { Self.parseDate($0) }
        let indexNumber = overrides.indexNumber ?? metadata["索引号"]
        guard let township, let year, let published, let indexNumber else {
            var missing: [Message.ImportDetail] = []
            var command = "portal-gen import \(Self.shellWord(displayPath))"
            if township == nil {
                missing.append(.township)
                command += " --township \(closest(to: Self.townshipGuess(in: title)).first ?? "乡镇名称")"
            }
            if year == nil {
                missing.append(.year)
                command += " --year \(CalendarDate.today.year - 1)"
            }
            if published == nil {
                missing.append(.published)
                command += " --published \((year ?? CalendarDate.today.year - 1) + 1)-01-20"
            }
            if indexNumber == nil {
                missing.append(.indexNumber)
                command += " --index-number \(township?.creditCode ?? "统一社会信用代码")/\(published?.year ?? (year ?? CalendarDate.today.year - 1) + 1)-00001"
            }
            throw DiagnosticsError([.error(.importDetailsMissing(details: missing, command: command), at: SourceLocation(file: displayPath, line: 1))])
        }
        let fullTitle = title.isEmpty ? "\(config.county)\(township.name)人民政府\(year)年政府信息公开工作年度报告" : title
        let written = metadata["成文日期"].flatMap { Self.parseDate($0) }
        let issuer = metadata["发布机构"].flatMap { $0 == township.organ ? nil : $0 }
        let documentNumber = metadata["文号"].flatMap { $0 == "无" ? nil : $0 }
        if legacy {
            let text = ContentFileWriter.writeLegacy(
                title: fullTitle, township: township, year: year, published: published, written: written, indexNumber: indexNumber,
                issuer: issuer, documentNumber: documentNumber, body: Self.legacyBody(document, title: titleParagraph))
            return Result(township: township, year: year, text: text, issues: [], encoding: encoding)
        }
        let text = ContentFileWriter.write(
            title: fullTitle, township: township, year: year, published: published, written: written, indexNumber: indexNumber,
            issuer: issuer, documentNumber: documentNumber, format: format, variant: variant, tables: outcome.cells,
            narrative: narrative.map { ($0.section, $0.paragraph.text, $0.paragraph.headingLevel) }, notes: outcome.notes)
        return Result(township: township, year: year, text: text, issues: outcome.issues, encoding: encoding)
    }

    /// A title paragraph as the title and what follows it on the same line (a flattened page).
    static func splitTitle(_ text: String) -> (title: String, rest: String) {
        guard text.count > 80, let range = text.range(of: "年度报告") else { return (text, "") }
        return (String(text[..<range.upperBound]), String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces))
    }

    /// A legacy report's body as published: numbered headings, paragraphs and every table as its
    /// rows of text, in order; the title and the details under it stay in the front matter.
    static func legacyBody(_ document: SourceDocument, title: SourceDocument.Paragraph?) -> [ContentFileWriter.LegacyBlock] {
        var body: [ContentFileWriter.LegacyBlock] = []
        for block in document.blocks {
            switch block {
            case .paragraph(var paragraph):
                if let title, paragraph.position == title.position, paragraph.text == title.text {
                    let rest = splitTitle(paragraph.text).rest
                    if rest.isEmpty { continue }
                    paragraph.text = rest
                }
                if body.isEmpty, !statedDetails([paragraph.text]).isEmpty { continue }
                let text = CellText.normalize(paragraph.text)
                if text.count <= 30, MarkdownDocument.sectionNumber(text) != nil, !text.contains("。") {
                    body.append(.heading(paragraph.text))
                } else {
                    body.append(.paragraph(paragraph.text))
                }
            case .table(let table):
                // Lines of one cell between table rows are running text that wrapped (in PDFs).
                var rows: [[String]] = []
                var prose = ""
                func flush() {
                    if !rows.isEmpty { body.append(.table(rows)) }
                    if !prose.isEmpty { body.append(.paragraph(prose)) }
                    rows = []
                    prose = ""
                }
                for row in table.rows.map({ $0.map { $0 ?? "" } }) {
                    let cells = row.filter { !$0.isEmpty }
                    if cells.count == 1, !T3LayoutRebuilder.isFigureLike(cells[0]) {
                        if !rows.isEmpty { flush() }
                        let text = CellText.normalize(cells[0])
                        if text.count <= 30, MarkdownDocument.sectionNumber(text) != nil, !text.contains("。") {
                            flush()
                            body.append(.heading(cells[0]))
                            continue
                        }
                        prose += cells[0]
                        // A sentence that ends the line ends the paragraph.
                        if text.hasSuffix("。") || text.hasSuffix("：") { flush() }
                    } else if !cells.isEmpty {
                        if !prose.isEmpty {
                            body.append(.paragraph(prose))
                            prose = ""
                        }
                        rows.append(row)
                    }
                }
                flush()
            }
        }
        return body
    }

    /// The township named by `--township` or the title; nil when neither names one (asked for
    /// with the other missing details). A `--township` that is not listed is an error at once.
    func findTownship(title: String) throws(DiagnosticsError) -> Township? {
        if let name = overrides.township {
            if let township = config.township(named: name) { return township }
            throw DiagnosticsError([.error(.importTownshipNotListed(name: name, closest: closest(to: name)), at: nil)])
        }
        guard !config.townships.isEmpty else { throw DiagnosticsError([.error(.importNoTownships, at: nil)]) }
        let matches = config.townships.filter { title.contains($0.organ) || title.contains($0.name) }
        return matches.max(by: { $0.name.count < $1.name.count })
    }

    /// The part of a title that looks like a township's name (`城关镇`), for suggestions.
    static func townshipGuess(in title: String) -> String {
        title.range(of: #"[\p{Han}]{1,6}?(镇|乡|街道|办事处)"#, options: .regularExpression).map { String(title[$0]) } ?? title
    }

    func closest(to text: String) -> [String] {
        Suggestion.nearest(to: text, in: config.townships.map(\.name))
    }

    func findYear(title: String) -> Int? {
        if let year = overrides.year { return year }
        let normalized = CellText.normalize(title)
        if let range = normalized.range(of: #"(19|20)\d\d(?=年)"#, options: .regularExpression), let year = Int(normalized[range]) {
            return year
        }
        return nil
    }

    /// Details a document states in lines under its title: `索引号：…`, `发布日期：…`, `成文日期：…`,
    /// `发布机构：…`, `文号：…` (several may share a line), and a document number standing alone
    /// (`城政〔2025〕3号`).
    static func statedDetails(_ lines: [String]) -> [String: String] {
        var details: [String: String] = [:]
        let labels = HTMLReader.metadataLabels.joined(separator: "|")
        let pair = try! NSRegularExpression(pattern: "(\(labels))\\s*[：:]\\s*(.+?)\\s*(?=(?:\(labels))\\s*[：:]|$)")
        let number = try! NSRegularExpression(pattern: #"^[\p{Han}]{1,12}[〔［\[(（]\d{4}[〕］\])）]\s*\d{1,5}\s*号$"#)
        for line in lines {
            let text = CellText.normalize(line).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, text.count <= 200 else { continue }
            let range = NSRange(text.startIndex..., in: text)
            for match in pair.matches(in: text, range: range) {
                let label = String(text[Range(match.range(at: 1), in: text)!])
                let value = String(text[Range(match.range(at: 2), in: text)!]).trimmingCharacters(in: .whitespaces)
                if !value.isEmpty, details[label] == nil { details[label] = value }
            }
            if details["文号"] == nil, number.firstMatch(in: text, range: range) != nil { details["文号"] = text }
        }
        return details
    }

    /// `word` as a shell would read it back (quoted when it holds spaces or quotes).
    static func shellWord(_ word: String) -> String {
        word.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) } ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `2024-02-06`, `2024/2/6`, `2024年2月6日`, `2024.02.06`, possibly followed by a time.
    static func parseDate(_ text: String) -> CalendarDate? {
        CalendarDate(written: CellText.normalize(text))
    }
}
