import Foundation

/// Machine-readable downloads: `data/reports.csv`, `data/reports.json` and one `data.json` per report.
///
/// Figures are exact decimals; a blank cell is an empty CSV field and a JSON `null`, never 0.
/// Column names are stable (`t3_C1_natural`) and documented in docs/open-data.md.
public enum OpenData {
    public static let csvPath = "data/reports.csv"
    public static let jsonPath = "data/reports.json"

    public static func reportPath(_ report: Report) -> String { "\(report.year)/\(report.township.slug)/data.json" }

    /// Identifying columns, then one column per table cell of both formats (2021 first, then the
    /// 2019 format's own cells), so the header never depends on which reports a portal has.
    public static let identityColumns = ["township", "organ", "year", "published", "index_number", "format", "url"]

    public static let cellColumns: [(name: String, format: Set<ReportFormat>, table: String, row: String, column: Int)] = {
        var columns: [(String, Set<ReportFormat>, String, String, Int)] = []
        for format in [ReportFormat.v2021, .v2019] {
            for spec in StatisticsSchema.tables(for: format) {
                for row in spec.rows {
                    for (index, column) in row.columns.enumerated() {
                        let name = "\(spec.key)_\(row.key)_\(column.key)"
                        if let existing = columns.firstIndex(where: { $0.0 == name }) {
                            columns[existing].1.insert(format)
                        } else {
                            columns.append((name, [format], spec.key, row.key, index))
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

    /// UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; CRLF line ends (RFC 4180).
    public static func csv(_ portal: Portal) -> Data {
        var lines = [(identityColumns + cellColumns.map(\.name)).map(escape).joined(separator: ",")]
        for report in portal.reports {
            let s = report.statistics
            var fields = [report.township.name, report.issuer, "\(report.year)", report.published.iso, report.indexNumber,
                          s.format.rawValue, url(of: report, config: portal.config)]
            for column in cellColumns {
                guard column.format.contains(s.format) else { fields.append(""); continue }
                let table = column.table == "t2" ? s.t2 : column.table == "t3" ? s.t3 : s.t4
                fields.append(table.cell(column.row, column.column)?.text ?? "")
            }
            lines.append(fields.map(escape).joined(separator: ","))
        }
        return Data([0xEF, 0xBB, 0xBF]) + Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func escape(_ field: String) -> String {
        // A leading =, +, @, tab, CR or a `-` that does not start a number would be run as a formula
        // by spreadsheet programs: quote the field behind an apostrophe.
        let formula = (field.first.map { "=+@\t\r".contains($0) } ?? false) || (field.hasPrefix("-") && Amount(field) == nil)
        guard formula || field.contains(where: { ",\"\n\r".contains($0) }) else { return field }
        return "\"" + (formula ? "'" : "") + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One report as a JSON object: identifying fields, then `tables` → table → row → column →
    /// figure (`null` when blank). Keys are sorted, so the output is byte-for-byte reproducible.
    static func writeReport(_ report: Report, config: PortalConfig, into json: inout JSONWriter) {
        json.beginObject()
        json.key("document_number"); json.string(report.documentNumber)
        json.key("format"); json.string(report.statistics.format.rawValue)
        json.key("index_number"); json.string(report.indexNumber)
        json.key("organ"); json.string(report.issuer)
        json.key("published"); json.string(report.published.iso)
        json.key("tables")
        json.beginObject()
        for table in report.statistics.tables.sorted(by: { $0.spec.key < $1.spec.key }) {
            json.key(table.spec.key)
            json.beginObject()
            for row in table.spec.rows.sorted(by: { $0.key < $1.key }) {
                json.key(row.key)
                json.beginObject()
                for (index, column) in row.columns.enumerated().sorted(by: { $0.element.key < $1.element.key }) {
                    json.key(column.key)
                    json.number(table.cell(row.key, index)?.text)
                }
                json.endObject()
            }
            json.endObject()
        }
        json.endObject()
        json.key("title"); json.string(report.title)
        json.key("township"); json.string(report.township.name)
        json.key("url"); json.string(url(of: report, config: config))
        json.key("written"); json.string(report.written?.iso)
        json.key("year"); json.number(String(report.year))
        json.endObject()
    }

    public static func json(of report: Report, config: PortalConfig) -> Data {
        var json = JSONWriter()
        writeReport(report, config: config, into: &json)
        return json.data
    }

    /// `{county, reports: [...], site}` with every report as in its own `data.json`, one report per line.
    public static func json(_ portal: Portal) -> Data {
        var json = JSONWriter(lineDepth: 2)
        json.beginObject()
        json.key("county"); json.string(portal.config.county)
        json.key("reports")
        json.beginArray()
        for report in portal.reports { writeReport(report, config: portal.config, into: &json) }
        json.endArray()
        json.key("site"); json.string(portal.config.siteName)
        json.endObject()
        return json.data
    }
}
