/// The county compilation of each year adds up every township's figures: a total that does not
/// fit is an error naming the reports added, so that no page ever shows a wrong total.
enum CompilationCheck {
    static func overflows(_ portal: Portal) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for year in portal.years {
            let reports = portal.reports(in: year)
            for format in ReportFormat.allCases {
                let included = reports.filter { $0.statistics.format == format }
                guard case .failure(let overflow) = Statistics.sum(format, included.map(\.statistics)) else { continue }
                let files = included.map { "`\($0.source)`" }.joined(separator: "、")
                diagnostics.append(
                    .error(
                        "\(year)年度全县汇总无法计算：\(overflow.table.label)“\(overflow.row)”行“\(overflow.column.label)”栏的合计超出可以记录的范围（参与汇总的报告：\(files)）；请核对这些报告中该栏的数字",
                        at: included.first.map { SourceLocation(file: $0.source, line: 1) }, rule: .overflow))
            }
        }
        return diagnostics
    }
}
