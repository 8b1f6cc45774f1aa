/// A total that cannot be written: the figures of one cell, added up over several reports (or
/// within one), go beyond what a figure can hold. Reported as an error, never shown as a figure.
public struct SumOverflow: Error, Sendable, Hashable {
    /// The table, row label and column of the cell.
    public var table: TableID
    public var row: String
    public var column: ColumnSpec
}
