import Foundation

/// Writes an imported report as a content file: front matter with the tables one line per row
/// (with the official labels as comments), then the narrative as Markdown.
///
/// Two more kinds of file: a 2021 report whose T3 prints （六）其他处理 as one row (`variant:
/// .combined`: the key `F` in place of `F1`–`F3`), and a legacy report of the years before the
/// official format (`writeLegacy`: `format: legacy`, no tables in the front matter, its tables
/// as Markdown pipe tables in the body).
enum ContentFileWriter {
    static func write(
        title: String, township: Township, year: Int, published: CalendarDate, written: CalendarDate?,
        indexNumber: String, issuer: String?, documentNumber: String?, format: ReportFormat, variant: T3Variant = .official,
        tables: [TableID: [String: [Amount?]]], narrative: [(section: Int, text: String, headingLevel: Int?)],
        notes: [String]
    ) -> String {
        var lines = frontMatterLines(
            title: title, township: township, year: year, published: published, written: written, indexNumber: indexNumber, issuer: issuer,
            documentNumber: documentNumber)
        lines.append("format: \(format.rawValue)")
        lines += tableLines(format: format, variant: variant, tables: tables)
        lines.append("---")
        lines.append("")
        lines.append(markdown(narrative, notes: notes))
        return lines.joined(separator: "\n")
    }

    /// `text` (a content file this writer wrote) with the original kept beside it as its attachment:
    /// `attachments:` after the report's details, before `format:`.
    static func addingAttachment(to text: String, file: String, title: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let at = lines.indices.dropFirst().first(where: { lines[$0].hasPrefix("format:") || lines[$0] == "---" }) else { return text }
        lines.insert(contentsOf: ["\(AttachmentEntry.key):   # 附件：原件，放在本文件旁边，随报告发布", "  - file: \(scalar(file))", "    title: \(scalar(title))"], at: at)
        return lines.joined(separator: "\n")
    }

    /// A block of a legacy report's body, in the order of the published text.
    enum LegacyBlock: Sendable, Hashable {
        /// A section heading (`## …`).
        case heading(String)
        /// A paragraph of text.
        case paragraph(String)
        /// A table as published, row by row, the first row its header.
        case table([[String]])
    }

    /// A legacy report (2008–2018, no fixed table format): `format: legacy`, no tables in the
    /// front matter, the body's blocks in order with each table as a Markdown pipe table.
    static func writeLegacy(
        title: String, township: Township, year: Int, published: CalendarDate, written: CalendarDate?,
        indexNumber: String, issuer: String?, documentNumber: String?, body: [LegacyBlock]
    ) -> String {
        var lines = frontMatterLines(
            title: title, township: township, year: year, published: published, written: written, indexNumber: indexNumber, issuer: issuer,
            documentNumber: documentNumber)
        lines.append("format: \(StatisticsParser.legacyFormat)   # 2019年以前的格式：统计表照原文写在正文中")
        lines.append("---")
        lines.append("")
        let blocks = body.compactMap { block -> String? in
            switch block {
            case .heading(let text): "## " + escape(oneLine(text))
            case .paragraph(let text): escape(oneLine(text))
            case .table(let rows): pipeTable(rows)
            }
        }
        lines.append(blocks.joined(separator: "\n\n") + "\n")
        return lines.joined(separator: "\n")
    }

    /// `rows` as a Markdown pipe table, the first row its header; nil without rows. Every row gets
    /// as many cells as the longest (the missing ones empty); each cell is one line, its Markdown
    /// markup and its `|` escaped, so it reads back as exactly its text.
    static func pipeTable(_ rows: [[String]]) -> String? {
        guard let width = rows.map(\.count).max(), width > 0 else { return nil }
        func line(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: width - cells.count)
            return "| " + padded.map { escape(oneLine($0)) }.joined(separator: " | ") + " |"
        }
        return ([line(rows[0]), "|" + Array(repeating: " --- |", count: width).joined()] + rows.dropFirst().map(line)).joined(separator: "\n")
    }

    /// Text on one line: line breaks and tabs become spaces, ends trimmed.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// The front matter's first line and the report's details, up to the format.
    private static func frontMatterLines(
        title: String, township: Township, year: Int, published: CalendarDate, written: CalendarDate?,
        indexNumber: String, issuer: String?, documentNumber: String?
    ) -> [String] {
        var lines = [
            "---",
            "title: \(scalar(title))",
            "township: \(scalar(township.name))",
            "year: \(year)",
            "published: \(published.iso)",
        ]
        if let written { lines.append("written: \(written.iso)") }
        lines.append("index_number: \(scalar(indexNumber))")
        if let issuer { lines.append("issuer: \(scalar(issuer))") }
        if let documentNumber { lines.append("document_number: \(scalar(documentNumber))") }
        return lines
    }

    /// The front-matter lines of the three tables in the layout of the format and variant, one
    /// line per row with the official labels as comments; a cell missing from `tables` is written
    /// blank (`~`). With `variant: .combined`, T3's （六）其他处理 is the one row `F`.
    static func tableLines(format: ReportFormat, variant: T3Variant = .official, tables: [TableID: [String: [Amount?]]]) -> [String] {
        var lines: [String] = []
        for spec in StatisticsSchema.tables(for: StatisticsLayout(format, variant)) {
            lines.append("\(spec.key):   # \(spec.heading)")
            let keyWidth = (spec.rows.map(\.key.count).max() ?? 1) + 1
            for row in spec.rows {
                let cells = tables[spec.id]?[row.key] ?? Array(repeating: nil, count: row.columns.count)
                let figures = cells.map { $0?.text ?? "~" }
                let value = row.columns.count == 1 ? figures[0] : "[" + figures.joined(separator: ", ") + "]"
                let key = (row.key + ":").padding(toLength: keyWidth + 1, withPad: " ", startingAt: 0)
                var comment = row.label
                if let group = row.group { comment = group + " " + comment }
                if spec.id != .t3 { comment += ": " + row.columns.map(\.label).joined(separator: ", ") }
                lines.append("  \(key)\(value)   # \(comment)")
            }
        }
        return lines
    }

    /// The narrative with its section headings (`##`) and numbered subsection headings (`###`).
    static func markdown(_ narrative: [(section: Int, text: String, headingLevel: Int?)], notes: [String]) -> String {
        var blocks: [String] = []
        var notesBySection: [Int: [String]] = [:]
        for note in notes { notesBySection[note.hasPrefix("T3") ? 3 : note.hasPrefix("T4") ? 4 : 2, default: []].append(note) }
        var sectionsWritten = Set<Int>()
        func flushNotes(before section: Int) {
            for number in notesBySection.keys.sorted() where number < section && !sectionsWritten.contains(number) {
                blocks.append("## " + ReportSection(rawValue: number)!.heading)
                blocks += notesBySection.removeValue(forKey: number)!.map { "注：" + escape($0) }
                sectionsWritten.insert(number)
            }
        }
        var current = 0
        for (section, text, level) in narrative {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if section != current {
                // Notes of the section that just ended go at its end.
                if let pending = notesBySection.removeValue(forKey: current) { blocks += pending.map { "注：" + escape($0) } }
                flushNotes(before: section)
                current = section
            }
            if section > 0, ReportImporter.sectionNumber(trimmed, after: 0) == section, !sectionsWritten.contains(section) {
                blocks.append("## " + escape(trimmed))
                sectionsWritten.insert(section)
            } else if let heading = subsectionHeading(trimmed) ?? (level.map { $0 >= 2 } == true ? escape(trimmed) : nil) {
                blocks.append("### " + heading)
            } else {
                blocks.append(escape(trimmed))
            }
        }
        if let pending = notesBySection.removeValue(forKey: current) { blocks += pending.map { "注：" + escape($0) } }
        flushNotes(before: 7)
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// `(一) 主动公开:` → `（一）主动公开`; nil for anything that is not a short numbered heading.
    static func subsectionHeading(_ text: String) -> String? {
        guard let match = text.range(of: #"^[（(]\s*[一二三四五六七八九十]+\s*[）)]"#, options: .regularExpression) else { return nil }
        var rest = String(text[match.upperBound...]).trimmingCharacters(in: .whitespaces)
        let endsWithColon = rest.hasSuffix(":") || rest.hasSuffix("：")
        guard rest.count <= 20 || endsWithColon, !rest.dropLast().contains("。") else { return nil }
        while rest.hasSuffix(":") || rest.hasSuffix("：") { rest.removeLast() }
        let number = text[match].filter { "一二三四五六七八九十".contains($0) }
        return "（\(number)）" + escape(rest.trimmingCharacters(in: .whitespaces))
    }

    /// Escapes what CommonMark would read as markup, so the text stays text.
    static func escape(_ text: String) -> String {
        var result = ""
        for (index, character) in text.enumerated() {
            if "\\`*_[]<>&|".contains(character) || (index == 0 && "#+-=".contains(character)) {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }

    /// A YAML scalar: plain when that is unambiguous, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        let plainUnsafe =
            text.isEmpty || text.first!.isWhitespace || text.last!.isWhitespace
            || text.contains(where: { ":#'\"{}[],&*!|>%@`\\".contains($0) || $0.isNewline })
            || "-?".contains(text.first!) || Int(text) != nil || Double(text) != nil
            || ["true", "false", "yes", "no", "null", "~", "on", "off"].contains(text.lowercased())
        guard plainUnsafe else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A YAML double-quoted scalar that reads back as exactly `text`: `\` escaped, and every
    /// character YAML would not keep as written (line breaks, tabs, other controls) as its code.
    /// A `"` is written `\x22`, not `\"`: the guard against anchors and aliases
    /// (`YAMLFields.refusal`) takes any `"` for the end of the quote, and would read a `&` or `*`
    /// after it as an anchor.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\x22"
            case _ where scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}":
                result += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
