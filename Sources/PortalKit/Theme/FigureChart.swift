import Foundation

/// The key figures of one township over the years, as a small inline SVG drawn at build time.
///
/// One small bar chart per figure (small multiples), each labelled in text, so no colour has to
/// be told apart and the page needs no JavaScript. A data table with the same figures sits next to it.
struct FigureChart: Sendable {
    struct Series: Sendable {
        var label: String
        var values: [(year: Int, value: Amount?)]
    }

    let series: [Series]

    /// 新收申请, 予以公开, 不予公开, 行政复议, 行政诉讼 for each report with tables (oldest year
    /// first; a legacy report has no figures to chart).
    init(reports: [Report]) {
        let ordered = reports.compactMap { report in report.statistics.map { (year: report.year, statistics: $0) } }.sorted { $0.year < $1.year }
        func total(_ pick: (Statistics) -> [Amount?]) -> [(Int, Amount?)] {
            ordered.map { report in
                let cells = pick(report.statistics)
                return (report.year, cells.allSatisfy { $0 == nil } ? nil : Amount.sum(cells.map(\.orZero)))
            }
        }
        series = [
            Series(label: "新收申请", values: total { [$0.t3.cell("N", 6)] }),
            Series(label: "予以公开", values: total { [$0.t3.cell("A", 6)] }),
            Series(label: "不予公开", values: total { s in (1...8).map { s.t3.cell("C\($0)", 6) } }),
            Series(label: "行政复议", values: total { [$0.t4.cell("R", 4)] }),
            Series(label: "行政诉讼", values: total { [$0.t4.cell("S", 4), $0.t4.cell("P", 4)] }),
        ]
    }

    /// A self-contained `<svg>` element; `titleID` labels it for assistive technology.
    func svg(titleID: String, title: String) -> String {
        let panelWidth = 150
        let panelHeight = 120
        let gap = 14
        let top = 22
        let bottom = 20
        let width = series.count * panelWidth + (series.count - 1) * gap
        let maximum = series.flatMap { $0.values.compactMap { $0.value?.approximateValue } }.max() ?? 0
        let scale = maximum > 0 ? maximum : 1
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure-chart\" viewBox=\"0 0 \(width) \(panelHeight)\" role=\"img\" aria-labelledby=\"\(titleID)\">",
            "<title id=\"\(titleID)\">\(HTMLContent.escape(title))</title>",
        ]
        for (index, item) in series.enumerated() {
            let x0 = index * (panelWidth + gap)
            let plotHeight = panelHeight - top - bottom
            parts.append("<g transform=\"translate(\(x0) 0)\">")
            parts.append("<text x=\"0\" y=\"14\" class=\"chart-label\">\(HTMLContent.escape(item.label))</text>")
            parts.append("<line x1=\"0\" y1=\"\(top + plotHeight)\" x2=\"\(panelWidth)\" y2=\"\(top + plotHeight)\" class=\"chart-axis\"/>")
            let slot = panelWidth / max(1, item.values.count)
            for (position, point) in item.values.enumerated() {
                // Negative or absurd figures (reported by the checks) are drawn as empty or full bars.
                let value = min(max(point.value?.approximateValue ?? 0, 0), scale)
                let height = Int((value / scale * Double(plotHeight - 14)).rounded())
                let x = position * slot + slot / 4
                let barWidth = max(4, slot / 2)
                parts.append("<rect x=\"\(x)\" y=\"\(top + plotHeight - height)\" width=\"\(barWidth)\" height=\"\(height)\" class=\"chart-bar\"/>")
                parts.append(
                    "<text x=\"\(x + barWidth / 2)\" y=\"\(top + plotHeight - height - 3)\" class=\"chart-value\" text-anchor=\"middle\">\(point.value?.text ?? "—")</text>"
                )
                parts.append("<text x=\"\(x + barWidth / 2)\" y=\"\(panelHeight - 5)\" class=\"chart-year\" text-anchor=\"middle\">\(point.year)</text>")
            }
            parts.append("</g>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
