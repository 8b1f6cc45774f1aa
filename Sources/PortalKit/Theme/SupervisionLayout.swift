/// The cells of one row of the supervision grid as HTML, for the `supervision` template.
///
/// The grid has a cell per township and year (10,000 at 1,000 townships over ten years) and the
/// page is rendered again whenever any report changes. Laid out by the template engine, its cells
/// were most of the time of a one-report rebuild; here they are built in Swift, as the statistics
/// tables are. Every state is written out in words; the classes are for colour only.
enum SupervisionLayout {
    /// `<td>` cells for `cells`, in order; `link` gives the page-relative URL of a report.
    static func cells(_ cells: [Supervision.Cell], link: (Report) -> String) -> String {
        var html = ""
        html.reserveCapacity(cells.count * 360)
        for cell in cells {
            // The year written in the cell too: on a phone the grid is one block per township, and
            // each cell must say its year where it is read (hidden on wide screens, see style.css).
            let year = "<span class=\"cell-year\">\(cell.year)年度：</span>"
            let former = cell.nameOfTheYear.map { " <span class=\"flag flag-former\">时称" + HTMLContent.escape($0) + "</span>" } ?? ""
            guard let report = cell.report else {
                if let absence = cell.absence {
                    html +=
                        "<td class=\"state-absent\">" + year + "<span class=\"mark\" aria-hidden=\"true\">－</span> " + HTMLContent.escape(label(absence))
                        + "</td>"
                } else if cell.notDue {
                    html += "<td class=\"state-not-due\">" + year + "<span class=\"mark\" aria-hidden=\"true\">…</span> 未到期" + former + "</td>"
                } else {
                    html += "<td class=\"state-missing\">" + year + "<span class=\"mark\" aria-hidden=\"true\">✕</span> 未公开" + former + "</td>"
                }
                continue
            }
            html += "<td class=\"state-published"
            if cell.late { html += " state-late" }
            if cell.legacy { html += " state-legacy" }
            if cell.arithmeticFindings > 0 { html += " state-findings" }
            html += "\">" + year + "<a href=\"" + HTMLContent.escape(link(report)) + "\"><span class=\"mark\" aria-hidden=\"true\">✓</span> 已公开</a>"
            html += " <span class=\"date\">" + HTMLContent.escape(report.published.chinese) + "</span>"
            html += former
            if cell.late { html += " <span class=\"flag flag-late\">逾期</span>" }
            if cell.zeroReport { html += " <span class=\"flag flag-zero\">零报告</span>" }
            if cell.legacy { html += " <span class=\"flag flag-legacy\">旧格式</span>" }
            if cell.arithmeticFindings > 0 { html += " <span class=\"flag flag-findings\">数据核对有误 \(cell.arithmeticFindings) 处</span>" }
            html += "</td>"
        }
        return html
    }

    /// How a cell of a year outside the township's existence reads: `未设立`, `已撤销`, `已并入东湖镇`.
    static func label(_ absence: TownshipLifecycle.Absence) -> String {
        switch absence {
        case .notEstablished: "未设立"
        case .abolished(let mergedInto): mergedInto.map { "已并入" + $0 } ?? "已撤销"
        }
    }
}
