/// Where each table, row and cell of a report's statistics is written in its front matter.
///
/// Every report carries one, so positions are kept flat, by table and by position in the table's
/// layout (see `TableSpec.offsets`), rather than in dictionaries keyed by name.
struct TableLocations: Sendable, Hashable {
    /// A line and column in the file, packed into four bytes (line up to 1,048,575, column up to
    /// 4,095; larger values are kept at the maximum); line 0 is unknown.
    struct Position: Sendable, Hashable {
        private var packed: UInt32

        var line: Int32 { Int32(packed >> 12) }
        var column: Int32 { Int32(packed & 0xFFF) }

        static let unknown = Position(line: 0, column: 0)

        init(line: Int32, column: Int32) {
            packed = UInt32(min(max(line, 0), 0xF_FFFF)) << 12 | UInt32(min(max(column, 0), 0xFFF))
        }

        init(_ location: SourceLocation) {
            self.init(line: Int32(clamping: location.line), column: Int32(clamping: location.column))
        }
    }

    var file: String
    /// The position of each table's key (`t2`, `t3`, `t4`).
    var tables: [Position]
    /// For each table, the position of each row's key, in layout order.
    var rows: [[Position]]
    /// For each table, the position of each figure, in layout order.
    var cells: [[Position]]

    init(file: String, tables: [Position] = [], rows: [[Position]] = [], cells: [[Position]] = []) {
        self.file = file
        self.tables = tables
        self.rows = rows
        self.cells = cells
    }

    /// Empty positions for tables of the given layouts.
    init(file: String, specs: [TableSpec]) {
        self.init(
            file: file, tables: Array(repeating: .unknown, count: specs.count),
            rows: specs.map { Array(repeating: .unknown, count: $0.rows.count) },
            cells: specs.map { Array(repeating: .unknown, count: $0.cellCount) })
    }

    func location(table: Int) -> SourceLocation? {
        tables.indices.contains(table) ? sourceLocation(tables[table]) : nil
    }

    /// A cell's location when known, else its row's.
    func location(table: Int, row: Int, cell: Int?) -> SourceLocation? {
        if let cell, cells.indices.contains(table), cells[table].indices.contains(cell), let location = sourceLocation(cells[table][cell]) {
            return location
        }
        guard rows.indices.contains(table), rows[table].indices.contains(row) else { return nil }
        return sourceLocation(rows[table][row])
    }

    func isRow(table: Int, row: Int, cells range: Range<Int>, onLine line: Int) -> Bool {
        guard line > 0, rows.indices.contains(table), rows[table].indices.contains(row) else { return false }
        if rows[table][row].line == line { return true }
        guard cells.indices.contains(table), range.upperBound <= cells[table].count else { return false }
        return cells[table][range].contains { $0.line == line }
    }

    private func sourceLocation(_ position: Position) -> SourceLocation? {
        position.line > 0 ? SourceLocation(file: file, line: Int(position.line), column: Int(position.column)) : nil
    }
}
