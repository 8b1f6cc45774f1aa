import Foundation
import Synchronization

/// Machine-readable downloads: `data/reports.csv`, `data/reports.json` and one `data.json` per report.
///
/// Figures are exact decimals; a blank cell is an empty CSV field and a JSON `null`, never 0.
/// Keys are stable (`t3_C1_natural`, in JSON) and documented in docs/open-data.md; the CSV, which
/// people open in Excel, has Chinese column headers made from the official labels
/// (`表三·（三）不予公开·1.属于国家秘密·自然人`), mapped to the keys in the same document.
enum OpenData {
    static let csvPath = "data/reports.csv"
    static let jsonPath = "data/reports.json"

    static func reportPath(_ report: Report) -> String { "\(report.year)/\(report.township.slug)/data.json" }

    /// Identifying columns, then one column per table cell of both formats (2021 first, then the
    /// 2019 format's own cells), so the header never depends on which reports a portal has.
    static let identityColumns = ["township", "organ", "year", "published", "index_number", "format", "url"]
    static let identityTitles = ["乡镇", "发布机构", "年度", "发布日期", "索引号", "格式", "网址"]

    /// The 2021 format's cells, then the 2019 format's own; the 2021 `combined` variant (（六）其他
    /// 处理 as one row) adds no column: its `t3_F_*` are the 2019 format's.
    static let cellColumns: [(name: String, title: String, format: Set<StatisticsLayout>, table: TableID, row: String, column: Int)] = {
        var columns: [(String, String, Set<StatisticsLayout>, TableID, String, Int)] = []
        for format in [StatisticsLayout(.v2021), StatisticsLayout(.v2019), StatisticsLayout(.v2021, .combined)] {
            for spec in StatisticsSchema.tables(for: format) {
                for row in spec.rows {
                    for (index, column) in row.columns.enumerated() {
                        let name = "\(spec.key)_\(row.key)_\(column.key)"
                        if let existing = columns.firstIndex(where: { $0.0 == name }) {
                            columns[existing].2.insert(format)
                        } else {
                            let title = ([spec.id.chineseLabel] + [row.group, row.label, column.label].compactMap { $0 }).joined(separator: "·")
                            let taken = columns.contains { $0.1 == title }
                            columns.append((name, taken ? title + "（\(format.format.rawValue)年格式）" : title, [format], spec.id, row.key, index))
                        }
                    }
                }
            }
        }
        return columns
    }()

    /// The URL of a report page: absolute when the portal sets `site_url`, else relative to the site root.
    static func url(of report: Report, config: PortalConfig) -> String {
        (config.siteURL.map { $0 + config.basePath } ?? "") + SitePlan.reportPath(report)
    }

    /// For each layout, the figure columns of a CSV line (each after its comma), filled from a
    /// report's tables; a column the layout has no cell for stays empty.
    private static let csvFigures: [StatisticsLayout: FigureTemplate] = Dictionary(
        uniqueKeysWithValues: StatisticsLayout.all.map { format in
            let specs = StatisticsSchema.tables(for: format)
            var builder = FigureTemplate.Builder()
            for column in cellColumns {
                builder.append(",")
                let table = TableID.allCases.firstIndex(of: column.table)!
                if column.format.contains(format), let row = specs[table].rowIndex(column.row) {
                    builder.figure(table: table, cell: specs[table].offsets[row] + column.column)
                }
            }
            builder.append("\r\n")
            return (format, FigureTemplate(builder, blank: ""))
        })

    /// UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; CRLF line ends
    /// (RFC 4180). Handed to `emit` a line at a time, so a national portal's file is never held whole.
    static func csv(_ portal: Portal, emit: (_ line: [UInt8]) -> Void) {
        var line: [UInt8] = [0xEF, 0xBB, 0xBF]
        line.append(contentsOf: (identityTitles + cellColumns.map(\.title)).map(escape).joined(separator: ",").utf8)
        line.append(contentsOf: [0x0D, 0x0A])
        emit(line)
        for report in portal.reports {
            line.removeAll(keepingCapacity: true)
            let s = report.statistics
            let identity = [
                report.township.name, report.issuer, "\(report.year)", report.published.iso, report.indexNumber,
                s?.format.rawValue ?? StatisticsParser.legacyFormat, url(of: report, config: portal.config),
            ]
            for (index, field) in identity.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                line.append(contentsOf: escape(field).utf8)
            }
            // A figure never needs quoting: digits, a point and a leading minus sign.
            if let s {
                csvFigures[s.layout]!.append(s.tables, to: &line)
            } else {
                // A legacy report has no figures: every figure column is empty.
                line.append(contentsOf: legacyFigures)
            }
            emit(line)
        }
    }

    private static let legacyFigures = Array((String(repeating: ",", count: cellColumns.count) + "\r\n").utf8)

    static func escape(_ field: String) -> String {
        // A leading =, +, @, tab, CR or a `-` that does not start a number would be run as a formula
        // by spreadsheet programs: quote the field behind an apostrophe.
        let first = field.utf8.first
        let formula =
            first.map { [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 0x09, 0x0D].contains($0) } ?? false
            || (first == UInt8(ascii: "-") && Amount(field) == nil)
        guard formula || field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + (formula ? "'" : "") + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Tables, rows and columns of each format in key order (JSON keys are sorted), with each
    /// column's cell position in its table.
    private static let jsonOrder: [StatisticsLayout: [(table: Int, key: [UInt8], rows: [(key: [UInt8], columns: [(cell: Int, key: [UInt8])])])]] =
        Dictionary(
            uniqueKeysWithValues: StatisticsLayout.all.map { format in
                let specs = StatisticsSchema.tables(for: format)
                let order = specs.indices.sorted { specs[$0].key < specs[$1].key }.map { table in
                    let spec = specs[table]
                    return (
                        table, JSONWriter.quoted(spec.key),
                        spec.rows.indices.sorted { spec.rows[$0].key < spec.rows[$1].key }.map { row in
                            (
                                JSONWriter.quoted(spec.rows[row].key),
                                spec.rows[row].columns.enumerated().sorted { $0.element.key < $1.element.key }.map {
                                    (spec.offsets[row] + $0.offset, JSONWriter.quoted($0.element.key))
                                }
                            )
                        }
                    )
                }
                return (format, order)
            })

    /// The `tables` object of each format at each place it is written (`data.json`, indented; a
    /// line of `reports.json`), written once with holes and filled for each report: 230 figures a
    /// report, 10,000 reports. Made on first use and kept by the build that made them;
    /// `writeTables` is the one description of the layout.
    final class Templates: Sendable {
        private let made = Mutex<[Key: FigureTemplate]>([:])

        private struct Key: Hashable {
            var format: StatisticsLayout
            var place: JSONWriter.Place
        }

        func tables(_ format: StatisticsLayout, at place: JSONWriter.Place) -> FigureTemplate {
            let key = Key(format: format, place: place)
            if let template = made.withLock({ $0[key] }) { return template }
            let template = FigureTemplate(
                JSONWriter.template(at: place) { json, template in OpenData.writeTables(format: format, into: &json, holes: &template) },
                blank: "null")
            made.withLock { $0[key] = template }
            return template
        }
    }

    /// One report as a JSON object: identifying fields, then `tables` → table → row → column →
    /// figure (`null` when blank). Keys are sorted, so the output is byte-for-byte reproducible.
    /// `attachments` are written in a report's own `data.json` when it has any (never in `reports.json`).
    static func writeReport(
        _ report: Report, config: PortalConfig, templates: Templates, attachments: [AttachmentCopier.Copied]? = nil, into json: inout JSONWriter
    ) {
        let keys = Self.reportKeys
        json.beginObject()
        if let attachments, !attachments.isEmpty {
            json.key("attachments")
            AttachmentData.write(attachments, config: config, into: &json)
        }
        json.key(quoted: keys.documentNumber)
        json.string(report.documentNumber)
        json.key(quoted: keys.format)
        json.string(report.statistics?.format.rawValue ?? StatisticsParser.legacyFormat)
        json.key(quoted: keys.indexNumber)
        json.string(report.indexNumber)
        json.key(quoted: keys.organ)
        json.string(report.issuer)
        json.key(quoted: keys.published)
        json.string(report.published.iso)
        json.key(quoted: keys.tables)
        if let statistics = report.statistics {
            let template = templates.tables(statistics.layout, at: json.place)
            json.raw { template.append(statistics.tables, to: &$0) }
        } else {
            // A legacy report's tables are text in its narrative, not figures.
            json.number(nil)
        }
        json.key(quoted: keys.title)
        json.string(report.title)
        json.key(quoted: keys.township)
        json.string(report.township.name)
        json.key(quoted: keys.url)
        json.string(url(of: report, config: config))
        json.key(quoted: keys.variant)
        json.string(report.statistics?.variant.rawValue)
        json.key(quoted: keys.written)
        json.string(report.written?.iso)
        json.key(quoted: keys.year)
        json.number(String(report.year))
        json.endObject()
    }

    /// A report's keys, quoted once.
    private static let reportKeys = (
        documentNumber: JSONWriter.quoted("document_number"), format: JSONWriter.quoted("format"),
        indexNumber: JSONWriter.quoted("index_number"), organ: JSONWriter.quoted("organ"),
        published: JSONWriter.quoted("published"), tables: JSONWriter.quoted("tables"),
        title: JSONWriter.quoted("title"), township: JSONWriter.quoted("township"),
        url: JSONWriter.quoted("url"), variant: JSONWriter.quoted("variant"), written: JSONWriter.quoted("written"), year: JSONWriter.quoted("year")
    )

    /// The `tables` object of a format, with a hole for each figure.
    fileprivate static func writeTables(format: StatisticsLayout, into json: inout JSONWriter, holes: inout FigureTemplate.Builder) {
        json.beginObject()
        for (tableIndex, key, rows) in jsonOrder[format]! {
            json.key(quoted: key)
            json.beginObject()
            for (rowKey, columns) in rows {
                json.key(quoted: rowKey)
                json.beginObject()
                for (cell, column) in columns {
                    json.key(quoted: column)
                    json.figure(table: tableIndex, cell: cell, into: &holes)
                }
                json.endObject()
            }
            json.endObject()
        }
        json.endObject()
    }

    static func json(of report: Report, config: PortalConfig, templates: Templates, attachments: [AttachmentCopier.Copied]? = nil) -> Data {
        var json = JSONWriter()
        writeReport(report, config: config, templates: templates, attachments: attachments, into: &json)
        return json.data
    }

    /// `{county, reports: [...], site}` with every report as in its own `data.json` (without its
    /// `attachments`, whose digests are known only once they are copied), one report per
    /// line; handed to `emit` a report at a time, so a national portal's file is never held whole.
    static func json(_ portal: Portal, templates: Templates, emit: (_ piece: [UInt8]) -> Void) {
        var json = JSONWriter(lineDepth: 2)
        json.beginObject()
        json.key("county")
        json.string(portal.config.county)
        json.key("reports")
        json.beginArray()
        for report in portal.reports {
            writeReport(report, config: portal.config, templates: templates, into: &json)
            emit(json.take())
        }
        json.endArray()
        json.key("site")
        json.string(portal.config.siteName)
        json.endObject()
        json.finish()
        emit(json.take())
    }
}
