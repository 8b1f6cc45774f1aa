import Foundation

/// The figures of one table (T2, T3 or T4) of one report.
///
/// Every report of a portal keeps its tables in memory for the index pages and sums, so the cells
/// are stored flat, in layout order (row by row, columns in order), as two compact arrays rather
/// than a dictionary of rows: about 9 bytes a cell.
struct StatTable: Sendable, Hashable {
    let spec: TableSpec
    private var mantissas: [Int64]
    /// Each cell's scale, or `blank` for a blank cell.
    private var scales: [Int8]
    private static let blank: Int8 = -1

    /// An all-blank table in the given layout.
    init(spec: TableSpec) {
        self.spec = spec
        mantissas = Array(repeating: 0, count: spec.cellCount)
        scales = Array(repeating: Self.blank, count: spec.cellCount)
    }

    /// A table from its cells in layout order (`scales[i]` is -1 for a blank cell), as the parse
    /// cache stores them; nil when the counts do not fit the layout.
    init?(spec: TableSpec, mantissas: [Int64], scales: [Int8]) {
        guard mantissas.count == spec.cellCount, scales.count == spec.cellCount else { return nil }
        self.spec = spec
        self.mantissas = mantissas
        self.scales = scales
    }

    /// A table of zeros in the given layout.
    static func zero(_ spec: TableSpec) -> StatTable {
        var table = StatTable(spec: spec)
        for cell in 0..<spec.cellCount { table.scales[cell] = 0 }
        return table
    }

    /// The cell at row `row` (its position in `spec.rows`) and column `column`.
    subscript(row: Int, column: Int) -> Amount? {
        get { self[cell: spec.offsets[row] + column] }
        set { self[cell: spec.offsets[row] + column] = newValue }
    }

    /// The cell at position `cell` in layout order.
    subscript(cell cell: Int) -> Amount? {
        get { scales[cell] == Self.blank ? nil : Amount(mantissa: mantissas[cell], scale: scales[cell]) }
        set {
            mantissas[cell] = newValue?.mantissa ?? 0
            scales[cell] = newValue?.scale ?? Self.blank
        }
    }

    func cell(_ row: String, _ column: Int) -> Amount? {
        guard let index = spec.rowIndex(row), column >= 0, column < spec.rows[index].columns.count else { return nil }
        return self[index, column]
    }

    /// The value for arithmetic: a blank cell counts as 0.
    func value(_ row: String, _ column: Int) -> Amount {
        cell(row, column).orZero
    }

    /// Whether any cell is blank.
    var hasBlanks: Bool { scales.contains(Self.blank) }

    /// Every cell with its row and column, in layout order.
    var allCells: [(row: RowSpec, column: Int, amount: Amount?)] {
        spec.rows.enumerated().flatMap { index, row in row.columns.indices.map { (row, $0, self[index, $0]) } }
    }

    /// Cell-wise sum of tables of the same layout (blank cells count as 0); `.failure` names the
    /// first cell whose total does not fit (never a wrong figure).
    static func sum(_ spec: TableSpec, _ tables: [StatTable]) -> Result<StatTable, SumOverflow> {
        var result = StatTable.zero(spec)
        let same = tables.filter { $0.spec.id == spec.id && $0.spec.cellCount == spec.cellCount }
        for cell in 0..<spec.cellCount {
            guard let total = Amount.sum(same.lazy.map { $0[cell: cell].orZero }) else {
                let row = spec.offsets.lastIndex { $0 <= cell } ?? 0
                return .failure(SumOverflow(table: spec.id, row: spec.rows[row].label, column: spec.rows[row].columns[cell - spec.offsets[row]]))
            }
            result[cell: cell] = total
        }
        return .success(result)
    }
}

/// A report's three statistics tables.
struct Statistics: Sendable, Hashable {
    let format: ReportFormat
    /// How its T3 prints （六）其他处理 (`.combined`: the 2021 format with the one row F).
    let variant: T3Variant
    /// The format and variant together: what fixes the tables' rows.
    var layout: StatisticsLayout { StatisticsLayout(format, variant) }
    let t2: StatTable
    let t3: StatTable
    let t4: StatTable
    /// Where each table, row and cell is written in the front matter.
    let locations: TableLocations

    /// A zero report (零报告): every figure of every table is filled in and 0. Worked out once: the
    /// supervision grid and the pages ask it of every report.
    let isZeroReport: Bool

    init(
        format: ReportFormat, variant: T3Variant = .official, t2: StatTable, t3: StatTable, t4: StatTable,
        locations: TableLocations = TableLocations(file: "")
    ) {
        self.format = format
        self.variant = StatisticsLayout(format, variant).variant
        self.t2 = t2
        self.t3 = t3
        self.t4 = t4
        self.locations = locations
        isZeroReport = [t2, t3, t4].allSatisfy { table in (0..<table.spec.cellCount).allSatisfy { table[cell: $0]?.isZero == true } }
    }

    var tables: [StatTable] { [t2, t3, t4] }

    /// All-zero tables in the given layout.
    static func zero(_ format: ReportFormat, variant: T3Variant = .official) -> Statistics {
        let specs = StatisticsSchema.tables(for: StatisticsLayout(format, variant))
        return Statistics(format: format, variant: variant, t2: .zero(specs[0]), t3: .zero(specs[1]), t4: .zero(specs[2]))
    }

    /// The cell-wise sum of reports of one format, for county compilations; `.failure` when a
    /// total does not fit.
    static func sum(_ format: ReportFormat, _ items: [Statistics]) -> Result<Statistics, SumOverflow> {
        sum(StatisticsLayout(format), items)
    }

    /// The cell-wise sum of the reports of one layout (others are left out: a report whose
    /// （六）其他处理 is one row cannot be added into F1–F3, nor three rows into one).
    static func sum(_ layout: StatisticsLayout, _ items: [Statistics]) -> Result<Statistics, SumOverflow> {
        let specs = StatisticsSchema.tables(for: layout)
        let same = items.filter { $0.layout == layout }
        return Result {
            Statistics(
                format: layout.format, variant: layout.variant, t2: try StatTable.sum(specs[0], same.map(\.t2)).get(),
                t3: try StatTable.sum(specs[1], same.map(\.t3)).get(), t4: try StatTable.sum(specs[2], same.map(\.t4)).get())
        }.mapError { $0 as! SumOverflow }
    }

    /// The location of a table (`t3`), of one of its rows, or of one of a row's cells when known.
    func location(table: TableID, row: String? = nil, column: Int? = nil) -> SourceLocation? {
        guard let tableIndex = tables.firstIndex(where: { $0.spec.id == table }) else { return nil }
        let spec = tables[tableIndex].spec
        guard let row, let rowIndex = spec.rowIndex(row) else { return locations.location(table: tableIndex) }
        let cell = column.flatMap { $0 >= 0 && $0 < spec.rows[rowIndex].columns.count ? spec.offsets[rowIndex] + $0 : nil }
        return locations.location(table: tableIndex, row: rowIndex, cell: cell) ?? locations.location(table: tableIndex)
    }

    /// The row written on `line`, as (table, row) keys, for linking a finding to its row on the page.
    func row(onLine line: Int) -> (table: TableID, row: String)? {
        for (tableIndex, table) in tables.enumerated() {
            for (rowIndex, row) in table.spec.rows.enumerated() {
                let cells = table.spec.offsets[rowIndex]..<(table.spec.offsets[rowIndex] + row.columns.count)
                if locations.isRow(table: tableIndex, row: rowIndex, cells: cells, onLine: line) {
                    return (table.spec.id, row.key)
                }
            }
        }
        return nil
    }
}
