import Foundation

/// Writes an imported report as a content file: front matter with the tables one line per row
/// (with the official labels as comments), then the narrative as Markdown.
enum ContentFileWriter {
    static func write(
        title: String, township: Township, year: Int, published: CalendarDate, written: CalendarDate?,
        indexNumber: String, issuer: String?, documentNumber: String?, format: ReportFormat,
        tables: [TableID: [String: [Amount?]]], narrative: [(section: Int, text: String, headingLevel: Int?)],
        notes: [String]
    ) -> String {
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
        lines.append("format: \(format.rawValue)")
        lines += tableLines(format: format, tables: tables)
        lines.append("---")
        lines.append("")
        lines.append(markdown(narrative, notes: notes))
        return lines.joined(separator: "\n")
    }

    /// The front-matter lines of the three tables in the format's layout, one line per row with
    /// the official labels as comments; a cell missing from `tables` is written blank (`~`).
    static func tableLines(format: ReportFormat, tables: [TableID: [String: [Amount?]]]) -> [String] {
        var lines: [String] = []
        for spec in StatisticsSchema.tables(for: format) {
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
