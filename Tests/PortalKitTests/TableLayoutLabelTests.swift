import Foundation
import Testing

@testable import PortalKit

/// Every figure of the statistics tables carries its column's path (for the phone layout, see
/// docs/themes.md, Tables), made from the headings the cell names in `headers`, in every layout.
@Suite struct TableLayoutLabelTests {
    struct FigureCell {
        var headers: [String]
        var figure: String
        var label: String
    }

    /// The figure cells of a table's markup, in order.
    static func figureCells(_ html: String) throws -> [FigureCell] {
        let pattern = try NSRegularExpression(
            pattern: #"<td headers="([^"]+)"[^>]*>(.*?)<span class="cell-label" aria-hidden="true">([^<]*)</span></td>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            func group(_ index: Int) -> String { String(html[Range(match.range(at: index), in: html)!]) }
            return FigureCell(headers: group(1).split(separator: " ").map(String.init), figure: group(2), label: group(3))
        }
    }

    /// The text of each `th` by its id.
    static func headings(_ html: String) throws -> [String: String] {
        let pattern = try NSRegularExpression(pattern: #"<th [^>]*id="([^"]+)"[^>]*>([^<]*)</th>"#)
        var found: [String: String] = [:]
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            found[String(html[Range(match.range(at: 1), in: html)!])] = String(html[Range(match.range(at: 2), in: html)!])
        }
        return found
    }

    static func markup(_ spec: TableSpec, _ table: StatTable? = nil) -> String {
        TableLayout.Template(spec: spec, prefix: "p", caption: "c").fill(table ?? .zero(spec))
    }

    @Test(arguments: StatisticsLayout.all)
    func everyFigureIsLabelledWithTheHeadingsItNames(_ layout: StatisticsLayout) throws {
        for spec in StatisticsSchema.tables(for: layout) {
            let html = Self.markup(spec)
            let cells = try Self.figureCells(html)
            let headings = try Self.headings(html)
            #expect(cells.count == html.components(separatedBy: "<td headers=").count - 1, "\(spec.key): every figure has a label")
            #expect(cells.count == spec.cellCount)
            for cell in cells {
                let parts = cell.label.split(separator: "·").map(String.init)
                #expect(!parts.isEmpty && cell.figure == "0", "\(spec.key) \(cell.headers)")
                // Each part is the text of a heading the cell names; the row's own heading is not.
                let named = Set(cell.headers.compactMap { headings[$0] })
                #expect(parts.allSatisfy(named.contains), "\(spec.key) \(cell.headers): \(cell.label)")
                if spec.id != .t4 { #expect(!parts.contains(headings[cell.headers[0]] ?? "?"), "\(cell.label)") }
            }
        }
    }

    @Test func t3LabelsAreTheApplicantColumnsUnderTheirHeadings() throws {
        let spec = StatisticsSchema.tables(for: .v2021)[1]
        let labels = try Self.figureCells(Self.markup(spec)).prefix(7).map(\.label)
        let legal = StatisticsSchema.t3Columns[1...5].map { "申请人情况·法人或其他组织·\($0.label)" }
        #expect(labels == ["申请人情况·自然人"] + legal + ["申请人情况·总计"])
    }

    @Test func t4LabelsNameTheCaseKindAndTheResult() throws {
        let labels = try Self.figureCells(Self.markup(StatisticsSchema.t4)).map(\.label)
        #expect(labels.count == 15)
        #expect(labels.first == "行政复议·结果维持")
        #expect(labels[5] == "行政诉讼·未经复议直接起诉·结果维持")
        #expect(labels.last == "行政诉讼·复议后起诉·总计")
    }

    @Test func t2LabelsAreEachBlocksColumnsAndTheirHeadingRowsAreMarked() throws {
        let spec = StatisticsSchema.tables(for: .v2019)[0]
        let html = Self.markup(spec)
        let cells = try Self.figureCells(html)
        var offset = 0
        for row in spec.rows {
            #expect(cells[offset..<offset + row.columns.count].map(\.label) == row.columns.map(\.label), "\(row.key)")
            offset += row.columns.count
        }
        // One row of column headings per 第二十条 item (five items in 2019).
        #expect(html.components(separatedBy: "<tr class=\"column-headings\">").count - 1 == 5)
    }

    @Test func aBlankCellSaysSoBeforeItsLabel() throws {
        let spec = StatisticsSchema.t4
        var table = StatTable.zero(spec)
        table[cell: 3] = nil
        let html = Self.markup(spec, table)
        #expect(
            html.contains(
                "<td headers=\"p-R-pending p-R\" class=\"blank\"><span class=\"blank-text\">未填写</span><span class=\"cell-label\" aria-hidden=\"true\">行政复议·尚未审结</span></td>"
            ))
        #expect(try Self.figureCells(html).filter { $0.figure == "0" }.count == 14, "the 14 filled figures")
    }
}
