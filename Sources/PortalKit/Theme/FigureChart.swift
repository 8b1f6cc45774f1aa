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

    /// One self-contained `<svg>` per series, each labelled for assistive technology by its
    /// `<title>` (`\(subject)新收申请：2022年5，2023年未填写`), with ids `\(idPrefix)-1`, `-2`, ….
    ///
    /// Each chart is a horizontal bar per year (so any number of years fits) drawn in a viewBox
    /// `width` user units wide that the stylesheet shows `width` CSS pixels wide at the default text
    /// size (`17.5rem`): its text renders at the stylesheet's size, 15 px and more, never scaled down
    /// with the page's width as one wide chart was (about 5 px on a phone). All series share one
    /// scale so that their bars compare.
    func svg(idPrefix: String, subject: String) -> String {
        let width = 280
        let top = 34
        let rowHeight = 28
        let barStart = 50
        let valueRoom = 62
        let maximum = series.flatMap { $0.values.compactMap { $0.value?.approximateValue } }.max() ?? 0
        let scale = maximum > 0 ? maximum : 1
        var parts: [String] = []
        for (index, item) in series.enumerated() {
            let id = "\(idPrefix)-\(index + 1)"
            let height = top + item.values.count * rowHeight + 4
            let title = subject + item.label + "：" + item.values.map { "\($0.year)年\($0.value?.text ?? "未填写")" }.joined(separator: "，")
            parts.append(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure-chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)\">")
            parts.append("<title id=\"\(id)\">\(HTMLContent.escape(title))</title>")
            parts.append("<text x=\"0\" y=\"20\" class=\"chart-label\">\(HTMLContent.escape(item.label))</text>")
            parts.append("<line x1=\"\(barStart)\" y1=\"\(top - 4)\" x2=\"\(barStart)\" y2=\"\(height - 2)\" class=\"chart-axis\"/>")
            for (position, point) in item.values.enumerated() {
                let y = top + position * rowHeight
                // Negative or absurd figures (reported by the checks) are drawn as empty or full bars.
                let value = min(max(point.value?.approximateValue ?? 0, 0), scale)
                let length = Int((value / scale * Double(width - barStart - valueRoom)).rounded())
                parts.append("<text x=\"0\" y=\"\(y + 17)\" class=\"chart-year\">\(point.year)</text>")
                parts.append("<rect x=\"\(barStart)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"18\" class=\"chart-bar\"/>")
                parts.append("<text x=\"\(barStart + length + 6)\" y=\"\(y + 17)\" class=\"chart-value\">\(point.value?.text ?? "—")</text>")
            }
            parts.append("</svg>")
        }
        return parts.joined(separator: "\n")
    }
}
