/// A total that cannot be written: the figures of one cell, added up over several reports (or
/// within one), go beyond what a figure can hold. Reported as an error, never shown as a figure.
struct SumOverflow: Error, Sendable, Hashable {
    /// The table, row label and column of the cell.
    var table: TableID
    var row: String
    var column: ColumnSpec
}
