import Synchronization

/// The official layout of T2, T3 and T4 as HTML, for the `stat-table` template partial.
///
/// The markup keeps the merged cells of the official tables (rowspan/colspan) and, for screen
/// readers, `scope` on every header and `headers`/`id` on every figure, so each number is announced
/// with its row and column. Themes style it with CSS; the structure is fixed by the format.
enum TableLayout {
    /// A table's template context: `id`, `key`, `caption` and `html`, the table's markup.
    static func context(for table: StatTable, prefix: String, caption: String, templates: Templates) -> [String: Any] {
        ["id": prefix, "key": table.spec.key, "caption": caption, "html": templates.html(for: table, prefix: prefix, caption: caption)]
    }

    /// The tables' markup with holes, made as a build needs them and kept by the build (its
    /// `PageRenderer`): the structure of a layout is the same for every report, so it is built once
    /// per layout, prefix and caption and then only the figures are filled in.
    final class Templates: Sendable {
        private let made = Mutex<[String: Template]>([:])

        func html(for table: StatTable, prefix: String, caption: String) -> String {
            let key = "\(table.spec.rows.count)|\(table.spec.key)|\(prefix)|\(caption)"
            let template =
                made.withLock { $0[key] }
                ?? {
                    let built = Template(spec: table.spec, prefix: prefix, caption: caption)
                    made.withLock { $0[key] = built }
                    return built
                }()
            return template.fill(table)
        }
    }

    /// A table's markup with holes for the figures.
    struct Template: Sendable {
        let figures: FigureTemplate

        init(spec: TableSpec, prefix: String, caption: String) {
            let layout: (head: [[Cell]], bodies: [[[Cell]]])
            switch spec.id {
            case .t2: layout = TableLayout.t2(spec, prefix)
            case .t3: layout = TableLayout.t3(spec, prefix)
            default: layout = TableLayout.t4(spec, prefix)
            }
            // A figure's hole sits right after its open tag: the filled figure is `>12`, a blank
            // cell ` class="blank">` with 未填写 (hidden on wide screens); then comes the cell's column label (shown
            // by the narrow layout only, see docs/themes.md, Tables) and `</td>`.
            let blank = " class=\"blank\"><span class=\"blank-text\">未填写</span>"
            let labels = ColumnLabels(head: layout.head, bodies: layout.bodies)
            var builder = FigureTemplate.Builder()
            func cells(_ row: [Cell]) {
                builder.append(ColumnLabels.isColumnHeadings(row) ? "<tr class=\"column-headings\">" : "<tr>")
                for cell in row {
                    guard let source = cell.source else {
                        builder.append(cell.html)
                        continue
                    }
                    builder.append(cell.openTag)
                    // The cell's position in the table (see `TableSpec.offsets`); a layout cell the
                    // format has no figure for is always blank.
                    if let row = spec.rowIndex(source.row), source.column < spec.rows[row].columns.count {
                        builder.figure(table: 0, cell: spec.offsets[row] + source.column)
                    } else {
                        builder.append(blank)
                    }
                    builder.append("<span class=\"cell-label\" aria-hidden=\"true\">\(HTMLContent.escape(labels.label(of: cell)))</span></td>")
                }
                builder.append("</tr>\n")
            }
            builder.append("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"\(prefix)-caption\" tabindex=\"0\">\n")
            builder.append(
                "<table class=\"stat-table stat-\(spec.key)\" id=\"\(prefix)\">\n<caption id=\"\(prefix)-caption\">\(HTMLContent.escape(caption))</caption>\n")
            if !layout.head.isEmpty {
                builder.append("<thead>\n")
                layout.head.forEach(cells)
                builder.append("</thead>\n")
            }
            for body in layout.bodies {
                builder.append("<tbody>\n")
                body.forEach(cells)
                builder.append("</tbody>\n")
            }
            builder.append("</table>\n</div>")
            figures = FigureTemplate(builder, before: ">", blank: blank)
        }

        func fill(_ table: StatTable) -> String {
            figures.string([table])
        }
    }

    /// A header or label cell, or a figure whose value is filled in per report.
    struct Cell {
        var header: Bool
        var text: String
        var colspan = 1
        var rowspan = 1
        var scope: String?
        var id: String?
        var headers: [String] = []
        var className: String?
        /// For a figure: the row and column it shows.
        var source: (row: String, column: Int)?

        static func th(_ text: String, scope: String, id: String? = nil, colspan: Int = 1, rowspan: Int = 1) -> Cell {
            Cell(header: true, text: text, colspan: colspan, rowspan: rowspan, scope: scope, id: id)
        }

        static func figure(_ row: String, _ column: Int, headers: [String], colspan: Int = 1) -> Cell {
            Cell(header: false, text: "", colspan: colspan, headers: headers, source: (row, column))
        }

        /// `<td headers="…" colspan="…"` without its class and closing bracket.
        var openTag: String {
            var tag = "<td"
            if !headers.isEmpty { tag += " headers=\"\(headers.joined(separator: " "))\"" }
            if colspan > 1 { tag += " colspan=\"\(colspan)\"" }
            if rowspan > 1 { tag += " rowspan=\"\(rowspan)\"" }
            return tag
        }

        /// The markup of a header or label cell (figures are filled in by `Template`).
        var html: String {
            var attributes = ""
            if header, let scope { attributes += " scope=\"\(scope)\"" }
            if let id { attributes += " id=\"\(id)\"" }
            if colspan > 1 { attributes += " colspan=\"\(colspan)\"" }
            if rowspan > 1 { attributes += " rowspan=\"\(rowspan)\"" }
            if let className { attributes += " class=\"\(className)\"" }
            let tag = header ? "th" : "td"
            return "<\(tag)\(attributes)>\(HTMLContent.escape(text))</\(tag)>"
        }
    }

    /// The anchor of a row (T2, T3) or group (T4) on a page, for links from findings.
    static func anchor(prefix: String, row: String) -> String { "\(prefix)-\(row)" }

    // MARK: - T2: one body per 第二十条 item, each with its own column headings.

    static func t2(_ spec: TableSpec, _ p: String) -> (head: [[Cell]], bodies: [[[Cell]]]) {
        let width = spec.rows.map(\.columns.count).max() ?? 1
        var blocks: [(group: String, rows: [RowSpec])] = []
        for row in spec.rows {
            if blocks.last?.group == row.group { blocks[blocks.count - 1].rows.append(row) } else { blocks.append((row.group ?? "", [row])) }
        }
        var bodies: [[[Cell]]] = []
        for (index, block) in blocks.enumerated() {
            let blockID = "\(p)-b\(index + 1)"
            let columns = block.rows[0].columns
            var rows: [[Cell]] = [[.th(block.group, scope: "colgroup", id: blockID, colspan: width + 1)]]
            var header = [Cell.th("信息内容", scope: "col", id: "\(blockID)-item")]
            for (c, column) in columns.enumerated() {
                let span = c == columns.count - 1 ? width - columns.count + 1 : 1
                header.append(.th(column.label, scope: "col", id: "\(blockID)-\(column.key)", colspan: span))
            }
            rows.append(header)
            for row in block.rows {
                let rowID = anchor(prefix: p, row: row.key)
                var cells = [Cell.th(row.label, scope: "row", id: rowID)]
                for (c, column) in row.columns.enumerated() {
                    let span = c == row.columns.count - 1 ? width - row.columns.count + 1 : 1
                    cells.append(.figure(row.key, c, headers: [rowID, "\(blockID)-\(column.key)", blockID], colspan: span))
                }
                rows.append(cells)
            }
            bodies.append(rows)
        }
        return ([], bodies)
    }

    // MARK: - T3: two-level applicant header, nested result rows.

    static func t3(_ spec: TableSpec, _ p: String) -> (head: [[Cell]], bodies: [[[Cell]]]) {
        let columns = StatisticsSchema.t3Columns
        let applicant = "\(p)-applicant"
        let legal = "\(p)-legal"
        func columnHeaders(_ c: Int) -> [String] {
            let id = "\(p)-\(columns[c].key)"
            return (1...5).contains(c) ? [id, legal, applicant] : [id, applicant]
        }
        let corner = Cell(header: false, text: StatisticsSchema.t3Corner, colspan: 3, rowspan: 3, className: "corner")
        let head: [[Cell]] = [
            [corner, .th(StatisticsSchema.t3ApplicantHeading, scope: "colgroup", id: applicant, colspan: 7)],
            [
                .th(columns[0].label, scope: "col", id: "\(p)-\(columns[0].key)", rowspan: 2),
                .th(StatisticsSchema.t3LegalHeading, scope: "colgroup", id: legal, colspan: 5),
                .th(columns[6].label, scope: "col", id: "\(p)-\(columns[6].key)", rowspan: 2),
            ],
            (1...5).map { .th(columns[$0].label, scope: "col", id: "\(p)-\(columns[$0].key)") },
        ]
        let resultRows = spec.rows.filter { $0.group == StatisticsSchema.t3Results || StatisticsSchema.t3SubGroup(of: $0.key) != nil }
        let resultsID = "\(p)-results"
        var rows: [[Cell]] = []
        var openedSubGroups = Set<String>()
        for row in spec.rows {
            let rowID = anchor(prefix: p, row: row.key)
            var cells: [Cell] = []
            var rowHeaders = [rowID]
            let inResults = resultRows.contains(row)
            if inResults {
                rowHeaders.append(resultsID)
                if row.key == resultRows.first?.key {
                    cells.append(.th(StatisticsSchema.t3Results, scope: "rowgroup", id: resultsID, rowspan: resultRows.count))
                }
            }
            if let group = StatisticsSchema.t3SubGroup(of: row.key) {
                let groupKey = String(row.key.prefix(1))
                let groupID = "\(p)-\(groupKey)"
                rowHeaders.insert(groupID, at: 1)
                if openedSubGroups.insert(groupKey).inserted {
                    let size = spec.rows.filter { StatisticsSchema.t3SubGroup(of: $0.key) == group }.count
                    cells.append(.th(group, scope: "rowgroup", id: groupID, rowspan: size))
                }
                cells.append(.th(row.label, scope: "row", id: rowID))
            } else {
                cells.append(.th(row.label, scope: "row", id: rowID, colspan: inResults ? 2 : 3))
            }
            for c in columns.indices {
                cells.append(.figure(row.key, c, headers: rowHeaders + columnHeaders(c)))
            }
            rows.append(cells)
        }
        return (head, [rows])
    }

    // MARK: - T4: 行政复议 and the two kinds of 行政诉讼, five figures each, in one row.

    static func t4(_ spec: TableSpec, _ p: String) -> (head: [[Cell]], bodies: [[[Cell]]]) {
        let columns = StatisticsSchema.t4Columns
        let lawsuit = "\(p)-lawsuit"
        let review = spec.rows[0]
        let direct = spec.rows[1]
        let after = spec.rows[2]
        let head: [[Cell]] = [
            [
                .th(review.label, scope: "colgroup", id: anchor(prefix: p, row: review.key), colspan: 5),
                .th("行政诉讼", scope: "colgroup", id: lawsuit, colspan: 10),
            ],
            columns.map { .th($0.label, scope: "col", id: "\(p)-\(review.key)-\($0.key)", rowspan: 2) }
                + [
                    .th(direct.label, scope: "colgroup", id: anchor(prefix: p, row: direct.key), colspan: 5),
                    .th(after.label, scope: "colgroup", id: anchor(prefix: p, row: after.key), colspan: 5),
                ],
            [direct, after].flatMap { row in columns.map { Cell.th($0.label, scope: "col", id: "\(p)-\(row.key)-\($0.key)") } },
        ]
        var cells: [Cell] = []
        for row in spec.rows {
            for (c, column) in columns.enumerated() {
                var headers = ["\(p)-\(row.key)-\(column.key)", anchor(prefix: p, row: row.key)]
                if row.group != nil { headers.append(lawsuit) }
                cells.append(.figure(row.key, c, headers: headers))
            }
        }
        return (head, [[cells]])
    }
}
