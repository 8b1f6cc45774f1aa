import Yams

/// Reads the `format`, `t2`, `t3` and `t4` front-matter keys into `Statistics`.
///
/// The layout is one line per row, its figures in column order (`C1: [0, 0, 0, 0, 0, 0, 0]`), so a
/// person can type and review it; `~` is a blank cell. A word where a number belongs, a row of
/// the wrong length, a missing or unknown row are always errors at their line.
///
/// `format: legacy` marks a report of the years before the official format (2008–2018): it has
/// no tables in the front matter (its tables are Markdown tables in the body, as published).
enum StatisticsParser {
    static let keys = ["format"] + TableID.allCases.map(\.rawValue)

    /// The `format` value of a report without the official tables.
    static let legacyFormat = "legacy"

    /// What the front matter says about a report's tables.
    enum Parsed: Sendable {
        /// The official tables, in one of `StatisticsLayout.all`.
        case tables(Statistics)
        /// `format: legacy`: no tables in the front matter.
        case legacy
    }

    static func parse(_ fields: inout YAMLFields) -> Parsed? {
        let errorsBefore = fields.diagnostics.count
        var explicit: ReportFormat?
        if let text = fields.string("format", "年报格式") {
            if text == legacyFormat {
                // A legacy report's tables are the body's: a table key here would be figures no page shows.
                for table in TableID.allCases where fields.keyNode(table.rawValue) != nil {
                    fields.error(.legacyHasTables(table: table.rawValue, caption: table.caption), at: fields.location(ofKey: table.rawValue))
                }
                return fields.diagnostics.count == errorsBefore ? .legacy : nil
            }
            explicit = ReportFormat(rawValue: text)
            if explicit == nil {
                fields.error(.formatInvalid(text: text), at: fields.location(ofKey: "format"))
                return nil
            }
        }
        let groups = TableID.allCases.map { table in (table.rawValue, fields.fields(table.rawValue, table.caption, required: true)) }
        guard fields.diagnostics.count == errorsBefore, let t2 = groups[0].1, let t3 = groups[1].1, let t4 = groups[2].1 else { return nil }

        guard let layout = detectLayout(explicit: explicit, t2: t2, t3: t3, fields: &fields) else { return nil }
        let format = layout.format
        let specs = StatisticsSchema.tables(for: layout)
        var locations = TableLocations(file: fields.file, specs: specs)
        var tables: [StatTable] = []
        for (index, (spec, var group)) in zip(specs, [t2, t3, t4]).enumerated() {
            locations.tables[index] = TableLocations.Position(fields.location(ofKey: spec.key))
            tables.append(readTable(spec, format: format, from: &group, rows: &locations.rows[index], cells: &locations.cells[index]))
            fields.absorb(group)
        }
        guard fields.diagnostics.count == errorsBefore else { return nil }
        return .tables(Statistics(format: format, variant: layout.variant, t2: tables[0], t3: tables[1], t4: tables[2], locations: locations))
    }

    /// The format is explicit or follows from which rows are present: never from the year.
    ///
    /// T3's `F` (（六）其他处理 as one row) is the 2019 layout, and also the 2021 format's `combined`
    /// variant; it tells the format only when nothing else does (then 2019, as before the variant).
    /// `F` together with any of `F1`–`F3` is an error at `F`: a table prints （六） one way.
    private static func detectLayout(explicit: ReportFormat?, t2: YAMLFields, t3: YAMLFields, fields: inout YAMLFields) -> StatisticsLayout? {
        let combined = t3.keyNode(StatisticsSchema.otherCombinedKey) != nil
        let split = StatisticsSchema.otherSplitKeys.filter { t3.keyNode($0) != nil }
        if combined, !split.isEmpty {
            fields.error(
                .otherRowsMixed(row: StatisticsSchema.otherCombinedKey, rows: split, splitRows: StatisticsSchema.otherSplitKeys),
                at: t3.location(ofKey: StatisticsSchema.otherCombinedKey))
            return nil
        }
        var evidence: [(ReportFormat, String)] = []
        if !split.isEmpty { evidence.append((.v2021, "t3: F1–F3")) }
        if t2.keyNode("other_services") != nil || t2.keyNode("procurement") != nil {
            evidence.append((.v2019, "t2: other_services/procurement"))
        }
        if let licensing = t2.node("licensing") {
            let count = licensing.sequence?.count ?? 1
            if count == 3 { evidence.append((.v2019, "t2: licensing ×3")) }
            if count == 1 { evidence.append((.v2021, "t2: licensing ×1")) }
        }
        // F alone says 2019 only when nothing else does, `format` included.
        if combined, evidence.isEmpty, explicit == nil { evidence.append((.v2019, "t3: F")) }
        let formats = Set(evidence.map(\.0))
        func layout(_ format: ReportFormat) -> StatisticsLayout { StatisticsLayout(format, combined ? .combined : .official) }
        if let explicit {
            if let conflict = evidence.first(where: { $0.0 != explicit }) {
                fields.error(
                    .formatConflict(declared: explicit.rawValue, evidence: conflict.1, shown: conflict.0.rawValue), at: fields.location(ofKey: "format"))
                return nil
            }
            return layout(explicit)
        }
        if formats.count == 1, let format = formats.first { return layout(format) }
        fields.error(
            .formatUnknown(evidence: evidence.map(\.1) + (combined && formats.count > 1 ? ["t3: F"] : [])), at: fields.location(ofKey: TableID.t3.rawValue))
        return nil
    }

    /// Reads one table; the positions of its rows and figures go into `rows` and `cells`.
    private static func readTable(
        _ spec: TableSpec, format: ReportFormat, from group: inout YAMLFields,
        rows: inout [TableLocations.Position], cells: inout [TableLocations.Position]
    ) -> StatTable {
        let known = spec.rows.map(\.key)
        let other: ReportFormat = format == .v2021 ? .v2019 : .v2021
        let otherSpec = StatisticsSchema.tables(for: other).first { $0.id == spec.id }!
        // Each row's entry, found once (tables have about 25 rows; a linear search per row added up).
        var entries: [String: YAMLFields.Entry] = [:]
        for entry in group.entries {
            if let name = entry.name, entries[name] == nil { entries[name] = entry }
        }
        for entry in group.entries {
            guard let name = entry.name, !known.contains(name) else { continue }
            let belongsToOther = otherSpec != spec && otherSpec.row(name) != nil
            group.error(
                .rowUnknown(
                    row: name, table: spec.id.label, format: format.rawValue, otherFormat: belongsToOther ? other.rawValue : nil,
                    suggestion: belongsToOther ? nil : Suggestion.closest(to: name, in: known), rows: known),
                at: group.location(of: entry.key))
        }
        var table = StatTable(spec: spec)
        for (rowIndex, row) in spec.rows.enumerated() {
            let tableName = spec.id.label
            guard let node = entries[row.key] else {
                group.error(.rowMissing(table: tableName, row: row.key, label: row.label, example: example(row)), at: group.mappingLocation)
                continue
            }
            rows[rowIndex] = TableLocations.Position(group.location(of: node.key))
            let items: [Node]
            if let sequence = node.value.sequence {
                items = Array(sequence)
            } else if node.value.scalar != nil, row.columns.count == 1 {
                items = [node.value]
            } else {
                let message: Message =
                    typedFullWidth(node.value.scalar?.string)
                    ? .rowFullWidthBrackets(table: tableName, row: row.key, label: row.label, example: example(row))
                    : .rowNotBracketed(
                        table: tableName, row: row.key, label: row.label, count: row.columns.count, columns: row.columns.map(\.label), example: example(row))
                group.error(message, at: group.location(of: node.value))
                continue
            }
            guard items.count == row.columns.count else {
                let message: Message =
                    items.contains { typedFullWidth($0.scalar?.string) }
                    ? .rowFullWidthBrackets(table: tableName, row: row.key, label: row.label, example: example(row))
                    : .rowWrongCount(
                        table: tableName, row: row.key, label: row.label, found: items.count, count: row.columns.count, columns: row.columns.map(\.label))
                group.error(message, at: group.location(of: node.value))
                continue
            }
            for (index, item) in items.enumerated() {
                cells[spec.offsets[rowIndex] + index] = TableLocations.Position(group.location(of: item))
                guard let scalar = item.scalar else {
                    group.error(
                        .cellNotScalar(table: tableName, row: row.key, label: row.label, column: index + 1, columnLabel: row.columns[index].label),
                        at: group.location(of: item))
                    continue
                }
                if YAMLFields.isNull(scalar) { continue }
                if let amount = Amount(scalar.string) {
                    table[rowIndex, index] = amount
                } else if let ascii = YAMLSlip.asciiForm(scalar.string), Amount(ascii) != nil {
                    group.error(
                        .cellFullWidthDigits(
                            table: tableName, row: row.key, label: row.label, column: index + 1, columnLabel: row.columns[index].label, text: scalar.string,
                            ascii: ascii),
                        at: group.location(of: item))
                } else {
                    group.error(
                        .cellNotNumber(
                            table: tableName, row: row.key, label: row.label, column: index + 1, columnLabel: row.columns[index].label, text: scalar.string),
                        at: group.location(of: item))
                }
            }
        }
        return table
    }

    /// Whether a value was typed with a Chinese input method's brackets or commas (`［0，0］`).
    static func typedFullWidth(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.contains { "［］，【】、".contains($0) }
    }

    static func example(_ row: RowSpec) -> String {
        row.columns.count == 1 ? "0" : "[" + Array(repeating: "0", count: row.columns.count).joined(separator: ", ") + "]"
    }
}
