import Foundation

/// The figures of one table (T2, T3 or T4) of one report, row by row in column order.
public struct StatTable: Sendable, Hashable {
    public let spec: TableSpec
    /// Row key → cells in column order; nil is a blank cell, distinct from 0.
    public var cells: [String: [Amount?]]

    public init(spec: TableSpec, cells: [String: [Amount?]]) {
        self.spec = spec
        self.cells = cells
    }

    /// A table of zeros in the given layout.
    public static func zero(_ spec: TableSpec) -> StatTable {
        StatTable(spec: spec, cells: Dictionary(uniqueKeysWithValues: spec.rows.map { ($0.key, Array(repeating: Amount.zero, count: $0.columns.count)) }))
    }

    public func cell(_ row: String, _ column: Int) -> Amount? {
        guard let values = cells[row], values.indices.contains(column) else { return nil }
        return values[column]
    }

    /// The value for arithmetic: a blank cell counts as 0.
    public func value(_ row: String, _ column: Int) -> Amount {
        cell(row, column).orZero
    }

    /// Every cell with its row and column, in layout order.
    public var allCells: [(row: RowSpec, column: Int, amount: Amount?)] {
        spec.rows.flatMap { row in row.columns.indices.map { (row, $0, cell(row.key, $0)) } }
    }

    /// Cell-wise sum of tables of the same layout (blank cells count as 0).
    public static func sum(_ spec: TableSpec, _ tables: [StatTable]) -> StatTable {
        var result = StatTable.zero(spec)
        for row in spec.rows {
            result.cells[row.key] = row.columns.indices.map { column in
                tables.reduce(Amount.zero) { $0 + $1.value(row.key, column) }
            }
        }
        return result
    }
}

/// A report's three statistics tables.
public struct Statistics: Sendable, Hashable {
    public let format: ReportFormat
    public var t2: StatTable
    public var t3: StatTable
    public var t4: StatTable
    /// Where each row (`t3.N`) and cell (`t3.N.2`, 0-based column) is written in the front matter.
    public var locations: TableLocations

    public init(format: ReportFormat, t2: StatTable, t3: StatTable, t4: StatTable, locations: TableLocations = TableLocations(file: "")) {
        self.format = format
        self.t2 = t2
        self.t3 = t3
        self.t4 = t4
        self.locations = locations
    }

    public var tables: [StatTable] { [t2, t3, t4] }

    /// A zero report (零报告): every figure of every table is filled in and 0.
    public var isZeroReport: Bool {
        tables.allSatisfy { $0.allCells.allSatisfy { $0.amount?.isZero == true } }
    }

    /// All-zero tables in the given format.
    public static func zero(_ format: ReportFormat) -> Statistics {
        let specs = StatisticsSchema.tables(for: format)
        return Statistics(format: format, t2: .zero(specs[0]), t3: .zero(specs[1]), t4: .zero(specs[2]))
    }

    /// The cell-wise sum of reports of one format, for county compilations.
    public static func sum(_ format: ReportFormat, _ items: [Statistics]) -> Statistics {
        let specs = StatisticsSchema.tables(for: format)
        let same = items.filter { $0.format == format }
        return Statistics(format: format, t2: .sum(specs[0], same.map(\.t2)), t3: .sum(specs[1], same.map(\.t3)),
                          t4: .sum(specs[2], same.map(\.t4)))
    }

    /// The location of a row, or of one of its cells when known.
    public func location(table: String, row: String, column: Int? = nil) -> SourceLocation? {
        locations.location(table: table, row: row, column: column)
    }
}
