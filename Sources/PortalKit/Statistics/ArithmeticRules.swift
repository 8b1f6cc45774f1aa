/// The arithmetic of the official format (docs/statistics.md, T3-1, T3-2, T3-3, T4-1), written
/// once: `StatisticsChecker` reports the balances that do not hold, and the importer keeps only
/// readings of run-together figures under which they all hold.
enum ArithmeticRules {
    /// Some cells of a table added up under one name (`本年新收`, `不予公开`).
    struct Term: Sendable {
        let label: String
        let cells: [Amount]
        /// The term's sum; nil when it does not fit.
        var amount: Amount? { Amount.sum(cells) }
    }

    /// One equality between two sums of cells, at one column or row of a table.
    struct Balance: Sendable {
        let rule: RuleID
        /// The row and column the finding points at.
        let row: String
        let column: Int
        let left: [Term]
        let right: [Term]

        /// Each side's exact total; nil when it does not fit.
        var leftTotal: Amount? { Amount.sum(left.flatMap(\.cells)) }
        var rightTotal: Amount? { Amount.sum(right.flatMap(\.cells)) }

        /// Whether the equality holds; nil when a total is too large to be written.
        var holds: Bool? {
            guard let left = leftTotal, let right = rightTotal else { return nil }
            return left == right
        }
    }

    /// T3-1, T3-2 and T3-3 for a T3 of `format` and `variant` whose cells `value` gives (a blank
    /// cell is 0). In T3-2, （六）其他处理 is F1 + F2 + F3, or the one row F where the table prints it so.
    static func t3(format: ReportFormat, variant: T3Variant = .official, _ value: (_ row: String, _ column: Int) -> Amount) -> [Balance] {
        let results = StatisticsSchema.resultRows(format, variant: variant)
        let groups: [(String, [String])] = [
            ("予以公开", ["A"]), ("部分公开", ["B"]),
            ("不予公开", results.filter { $0.hasPrefix("C") }), ("无法提供", results.filter { $0.hasPrefix("D") }),
            ("不予处理", results.filter { $0.hasPrefix("E") }), ("其他处理", results.filter { $0.hasPrefix("F") }),
        ]
        var balances: [Balance] = []
        for column in StatisticsSchema.t3Columns.indices {
            func term(_ label: String, _ rows: [String]) -> Term { Term(label: label, cells: rows.map { value($0, column) }) }
            balances.append(
                Balance(
                    rule: .t3Balance, row: "N", column: column,
                    left: [term("本年新收", ["N"]), term("上年结转", ["K"])], right: [term("总计", ["G"]), term("结转下年度", ["J"])]))
            balances.append(
                Balance(
                    rule: .t3Results, row: "G", column: column,
                    left: [term("总计", ["G"])], right: groups.map { term($0.0, $0.1) }))
        }
        let columns = StatisticsSchema.t3Columns
        for row in StatisticsSchema.t3(format: format, variant: variant).rows {
            balances.append(
                Balance(
                    rule: .t3Applicants, row: row.key, column: 6,
                    left: [Term(label: columns[6].label, cells: [value(row.key, 6)])],
                    right: (0..<6).map { Term(label: columns[$0].label, cells: [value(row.key, $0)]) }))
        }
        return balances
    }

    /// T4-1 for a T4 whose cells `value` gives.
    static func t4(_ value: (_ row: String, _ column: Int) -> Amount) -> [Balance] {
        let columns = StatisticsSchema.t4Columns
        return StatisticsSchema.t4.rows.map { row in
            Balance(
                rule: .t4Results, row: row.key, column: 4, left: [Term(label: columns[4].label, cells: [value(row.key, 4)])],
                right: (0..<4).map { Term(label: columns[$0].label, cells: [value(row.key, $0)]) })
        }
    }
}
