/// The county compilation of each year adds up every township's figures: a total that does not
/// fit is an error naming the reports added, so that no page ever shows a wrong total.
enum CompilationCheck {
    static func overflows(_ portal: Portal) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for year in portal.years {
            let reports = portal.reports(in: year)
            // One compilation per layout, as the page shows them; legacy reports are in none.
            for layout in StatisticsLayout.all {
                let included = reports.filter { $0.statistics?.layout == layout }
                guard !included.isEmpty, case .failure(let overflow) = Statistics.sum(layout, included.compactMap(\.statistics)) else { continue }
                diagnostics.append(
                    .error(
                        .compilationTooLarge(
                            year: year, table: overflow.table.label, row: overflow.row, column: overflow.column.label, files: included.map(\.source)),
                        at: included.first.map { SourceLocation(file: $0.source, line: 1) }, rule: .overflow))
            }
        }
        return diagnostics
    }
}
