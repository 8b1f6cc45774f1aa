/// Where each table, row and cell of a report's statistics is written in its front matter, kept
/// compact (one entry per row, cell columns as small integers) because every report carries one.
public struct TableLocations: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var line: Int32
        public var column: Int32
        /// The column of each figure on the row's line (figures of a one-line row share its line).
        public var cellColumns: [Int32]
        public var cellLines: [Int32]
    }

    public var file: String
    /// `t3` → line and column of the table's key.
    public var tables: [String: Row] = [:]
    /// `t3.N` → the row.
    public var rows: [String: Row] = [:]

    public init(file: String) {
        self.file = file
    }

    public func location(table: String, row: String, column: Int?) -> SourceLocation? {
        if let entry = rows["\(table).\(row)"] {
            if let column, entry.cellColumns.indices.contains(column) {
                return SourceLocation(file: file, line: Int(entry.cellLines[column]), column: Int(entry.cellColumns[column]))
            }
            return SourceLocation(file: file, line: Int(entry.line), column: Int(entry.column))
        }
        return tables[table].map { SourceLocation(file: file, line: Int($0.line), column: Int($0.column)) }
    }

    /// The row written on `line`, as (table, row), for linking a finding to its row on the page.
    public func row(onLine line: Int) -> (table: String, row: String)? {
        let matches = rows.filter { $0.value.line == line || $0.value.cellLines.contains(Int32(line)) }.map(\.key).sorted()
        guard let key = matches.first else { return nil }
        let parts = key.split(separator: ".", maxSplits: 1)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }
}
