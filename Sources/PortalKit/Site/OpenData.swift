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
                let table = s.tables.first { $0.spec.key == column.table }!
                fields.append(table.cell(column.row, column.column)?.text ?? "")
            }
            lines.append(fields.map(escape).joined(separator: ","))
        }
        return Data([0xEF, 0xBB, 0xBF]) + Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func escape(_ field: String) -> String {
        // A leading =, + or @ would be run as a formula by spreadsheet programs: quote it behind an apostrophe.
        let formula = field.first.map { "=+@".contains($0) } ?? false
        guard formula || field.contains(where: { ",\"\n\r".contains($0) }) else { return field }
        return "\"" + (formula ? "'" : "") + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One report's data, as in `data.json` and in the list of `reports.json`.
    public struct ReportData: Codable, Sendable, Equatable {
        public var title: String
        public var township: String
        public var organ: String
        public var year: Int
        public var published: String
        public var written: String?
        public var indexNumber: String
        public var documentNumber: String?
        public var format: String
        public var url: String
        /// table key → row key → column key → figure (null when blank).
        public var tables: [String: [String: [String: Decimal?]]]

        enum CodingKeys: String, CodingKey {
            case title, township, organ, year, published, written, format, url, tables
            case indexNumber = "index_number"
            case documentNumber = "document_number"
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(title, forKey: .title)
            try container.encode(township, forKey: .township)
            try container.encode(organ, forKey: .organ)
            try container.encode(year, forKey: .year)
            try container.encode(published, forKey: .published)
            try container.encode(written, forKey: .written)
            try container.encode(indexNumber, forKey: .indexNumber)
            try container.encode(documentNumber, forKey: .documentNumber)
            try container.encode(format, forKey: .format)
            try container.encode(url, forKey: .url)
            try container.encode(tables, forKey: .tables)
        }
    }

    public static func data(of report: Report, config: PortalConfig) -> ReportData {
        var tables: [String: [String: [String: Decimal?]]] = [:]
        for table in report.statistics.tables {
            var rows: [String: [String: Decimal?]] = [:]
            for row in table.spec.rows {
                var cells: [String: Decimal?] = [:]
                for (index, column) in row.columns.enumerated() {
                    cells[column.key] = .some(table.cell(row.key, index)?.value)
                }
                rows[row.key] = cells
            }
            tables[table.spec.key] = rows
        }
        return ReportData(title: report.title, township: report.township.name, organ: report.issuer, year: report.year,
                          published: report.published.iso, written: report.written?.iso, indexNumber: report.indexNumber,
                          documentNumber: report.documentNumber, format: report.statistics.format.rawValue,
                          url: url(of: report, config: config), tables: tables)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static func json(of report: Report, config: PortalConfig) -> Data {
        (try? encoder.encode(data(of: report, config: config))) ?? Data()
    }

    public struct Collection: Codable, Sendable {
        public var site: String
        public var county: String
        public var reports: [ReportData]
    }

    public static func json(_ portal: Portal) -> Data {
        let collection = Collection(site: portal.config.siteName, county: portal.config.county,
                                    reports: portal.reports.map { data(of: $0, config: portal.config) })
        return (try? encoder.encode(collection)) ?? Data()
    }
}
