import Yams

/// Reads the `format`, `t2`, `t3` and `t4` front-matter keys into `Statistics`.
///
/// The layout is one line per row, its figures in column order (`C1: [0, 0, 0, 0, 0, 0, 0]`), so a
/// person can type and review it; `~` is a blank cell. A word where a number belongs, a row of
/// the wrong length, a missing or unknown row are always errors at their line.
enum StatisticsParser {
    static let keys = ["format"] + TableID.allCases.map(\.rawValue)

    static func parse(_ fields: inout YAMLFields) -> Statistics? {
        let errorsBefore = fields.diagnostics.count
        var explicit: ReportFormat?
        if let text = fields.string("format", "年报格式") {
            explicit = ReportFormat(rawValue: text)
            if explicit == nil {
                fields.error(
                    "`format` is `\(text)`; write `format: 2021` (国办公开办函〔2021〕30号) or `format: 2019` (the 2019 trial format)",
                    at: fields.location(ofKey: "format"))
                return nil
            }
        }
        let groups = TableID.allCases.map { table in (table.rawValue, fields.fields(table.rawValue, table.caption, required: true)) }
        guard fields.diagnostics.count == errorsBefore, let t2 = groups[0].1, let t3 = groups[1].1, let t4 = groups[2].1 else { return nil }

        guard let format = detectFormat(explicit: explicit, t2: t2, t3: t3, fields: &fields) else { return nil }
        let specs = StatisticsSchema.tables(for: format)
        var locations = TableLocations(file: fields.file, specs: specs)
        var tables: [StatTable] = []
        for (index, (spec, var group)) in zip(specs, [t2, t3, t4]).enumerated() {
            locations.tables[index] = TableLocations.Position(fields.location(ofKey: spec.key))
            tables.append(readTable(spec, format: format, from: &group, rows: &locations.rows[index], cells: &locations.cells[index]))
            fields.absorb(group)
        }
        guard fields.diagnostics.count == errorsBefore else { return nil }
        return Statistics(format: format, t2: tables[0], t3: tables[1], t4: tables[2], locations: locations)
    }

    /// The format is explicit or follows from which rows are present: never from the year.
    private static func detectFormat(explicit: ReportFormat?, t2: YAMLFields, t3: YAMLFields, fields: inout YAMLFields) -> ReportFormat? {
        var evidence: [(ReportFormat, String)] = []
        if t3.keyNode("F") != nil { evidence.append((.v2019, "t3 has a single row `F` (其他处理)")) }
        if ["F1", "F2", "F3"].contains(where: { t3.keyNode($0) != nil }) { evidence.append((.v2021, "t3 has rows `F1`–`F3`")) }
        if t2.keyNode("other_services") != nil || t2.keyNode("procurement") != nil {
            evidence.append((.v2019, "t2 has `other_services` or `procurement`"))
        }
        if let licensing = t2.node("licensing") {
            let count = licensing.sequence?.count ?? 1
            if count == 3 { evidence.append((.v2019, "t2 `licensing` has 3 figures")) }
            if count == 1 { evidence.append((.v2021, "t2 `licensing` has 1 figure")) }
        }
        let formats = Set(evidence.map(\.0))
        if let explicit {
            if let conflict = evidence.first(where: { $0.0 != explicit }) {
                fields.error(
                    "`format: \(explicit.rawValue)` does not match the tables: \(conflict.1), which is the \(conflict.0.rawValue) format; correct `format` or the tables",
                    at: fields.location(ofKey: "format"))
                return nil
            }
            return explicit
        }
        if formats.count == 1 { return formats.first }
        let why = formats.isEmpty ? "the tables do not show it" : "the tables mix both: " + evidence.map(\.1).joined(separator: "; ")
        fields.error(
            "cannot tell whether this report uses the 2021 or the 2019 format (\(why)); add a line `format: 2021` or `format: 2019`",
            at: fields.location(ofKey: TableID.t3.rawValue))
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
            var message = "`\(name)` is not a row of \(spec.id.label) in the \(format.rawValue) format"
            if otherSpec != spec, otherSpec.row(name) != nil {
                message += " (it belongs to the \(other.rawValue) format)"
            } else if let suggestion = Suggestion.closest(to: name, in: known) {
                message += "; did you mean `\(suggestion)`?"
            }
            message += "; its rows are: \(known.joined(separator: ", "))"
            group.error(message, at: group.location(of: entry.key))
        }
        var table = StatTable(spec: spec)
        for (rowIndex, row) in spec.rows.enumerated() {
            let where_ = "\(spec.key.uppercased()) row `\(row.key)` (\(row.label))"
            guard let node = entries[row.key] else {
                group.error("\(where_) is missing; add `\(row.key): \(example(row))`", at: group.mappingLocation)
                continue
            }
            rows[rowIndex] = TableLocations.Position(group.location(of: node.key))
            let items: [Node]
            if let sequence = node.value.sequence {
                items = Array(sequence)
            } else if node.value.scalar != nil, row.columns.count == 1 {
                items = [node.value]
            } else {
                group.error(
                    "\(where_) must list its \(row.columns.count) figures in brackets, in column order: \(columnList(row)); for example `\(row.key): \(example(row))`",
                    at: group.location(of: node.value))
                continue
            }
            guard items.count == row.columns.count else {
                group.error(
                    "\(where_) has \(items.count) figure\(items.count == 1 ? "" : "s"), but it needs \(row.columns.count): \(columnList(row)); write ~ for a blank cell",
                    at: group.location(of: node.value))
                continue
            }
            for (index, item) in items.enumerated() {
                cells[spec.offsets[rowIndex] + index] = TableLocations.Position(group.location(of: item))
                guard let scalar = item.scalar else {
                    group.error("\(where_), column \(index + 1) (\(row.columns[index].label)) must be a number", at: group.location(of: item))
                    continue
                }
                if YAMLFields.isNull(scalar) { continue }
                if let amount = Amount(scalar.string) {
                    table[rowIndex, index] = amount
                } else {
                    group.error(
                        "\(where_), column \(index + 1) (\(row.columns[index].label)): `\(scalar.string)` is not a number; write the figure with digits 0-9 (a decimal point for 万元), or ~ if the cell was left blank",
                        at: group.location(of: item))
                }
            }
        }
        return table
    }

    static func columnList(_ row: RowSpec) -> String {
        row.columns.map(\.label).joined(separator: ", ")
    }

    static func example(_ row: RowSpec) -> String {
        row.columns.count == 1 ? "0" : "[" + Array(repeating: "0", count: row.columns.count).joined(separator: ", ") + "]"
    }
}
