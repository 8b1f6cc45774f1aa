/// The column label of every figure of a statistics table, for the narrow (phone) layout, where the
/// column headings are visually hidden and each figure shows its column's path instead
/// (`申请人情况·法人或其他组织·商业企业`, `行政诉讼·复议后起诉·结果维持`, `本年制发件数`).
///
/// The labels come from the table's own header cells, the ones a figure names in `headers`, so they
/// are the schema's wording and cannot drift from the wide layout: a figure's label is the text of
/// its column headings (the cells of `thead` and of body rows made only of column headings),
/// outermost first. Row headings stay visible in the narrow layout and are not repeated.
struct ColumnLabels {
    private var headings: [String: (order: Int, text: String)] = [:]

    init(head: [[TableLayout.Cell]], bodies: [[[TableLayout.Cell]]]) {
        let rows = head + bodies.flatMap { $0.filter(Self.isColumnHeadings) }
        for (order, row) in rows.enumerated() {
            for cell in row where cell.header {
                if let id = cell.id { headings[id] = (order, cell.text) }
            }
        }
    }

    /// Whether a body row is a row of column headings (T2 repeats them in each block).
    static func isColumnHeadings(_ row: [TableLayout.Cell]) -> Bool {
        !row.isEmpty && row.allSatisfy { $0.header && $0.scope == "col" }
    }

    /// The column path of a figure cell, its headings joined by `·`.
    func label(of cell: TableLayout.Cell) -> String {
        cell.headers.compactMap { headings[$0] }.sorted { $0.order < $1.order }.map(\.text).joined(separator: "·")
    }
}
