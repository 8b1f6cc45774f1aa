import Foundation

/// A report file still to be filled in, as `portal-gen new` writes it at the conventional path
/// `reports/<year>/<slug>.md`: every front-matter key (the title filled in, the rest empty with a
/// comment saying what to write and how), the three statistics tables of the 2021 format all zeros,
/// and a body of the six official section headings with a line to replace in each.
///
/// The empty required keys (`published`, `index_number`) make `portal-gen check` name exactly what
/// is left to fill; the zeros are a valid 零报告 until the real figures are written in.
public struct ReportScaffold: Sendable {
    let township: Township
    let year: Int
    let format = ReportFormat.v2021

    /// The report of `township` (a name listed in portal.yml) for `year`; an unknown name is an error
    /// listing the closest listed names.
    public init(config: PortalConfig, township name: String, year: Int) throws(DiagnosticsError) {
        guard let township = config.township(named: name) else {
            throw DiagnosticsError([.error(.newUnknownTownship(name, closest: Suggestion.nearest(to: name, in: config.townships.map(\.name))), at: nil)])
        }
        self.township = township
        self.year = year
    }

    /// A command that would work for this portal, for messages: its first township and `year`.
    public static func example(config: PortalConfig, year: Int) -> String {
        "portal-gen new --township \(config.townships.first?.name ?? "城关镇") --year \(year)"
    }

    /// The file's path inside the content folder.
    public var relativePath: String { "reports/\(year)/\(township.slug).md" }

    /// The title as such reports are published: `<organ><year>年政府信息公开工作年度报告`.
    var title: String { "\(township.organ)\(year)年政府信息公开工作年度报告" }

    /// The file's text.
    func text() -> String {
        let next = year + 1
        let index = (township.creditCode ?? "统一社会信用代码") + "/\(next)-00001"
        // Comments line up after the longest key, so the keys still to fill stand out.
        func key(_ key: String, _ value: String, _ comment: String) -> String {
            let line = value.isEmpty ? key + ":" : key + ": " + value
            return line.padding(toLength: max(line.count + 1, 18), withPad: " ", startingAt: 0) + "# " + comment
        }
        var lines = [
            "---",
            key("title", ContentFileWriter.scalar(title), "报告标题，与公开的标题一致"),
            key("township", ContentFileWriter.scalar(township.name), "乡镇，portal.yml 中列出的名称"),
            key("year", String(year), "报告年度"),
            key("published", "", "发布日期（必填），写成 \(next)-01-20 这样的形式，必须在报告年度之后"),
            key("written", "", "成文日期（可不填），写成 \(next)-01-16，不能晚于发布日期"),
            key("index_number", "", "索引号（必填），按政府信息公开目录的编号填写，例如 \(index)；每份报告各不相同"),
            key("issuer", "", "发布机构（可不填），不填时为“\(township.organ)”"),
            key("document_number", "", "文号（可不填），例如 〔\(next)〕1号；不填时网页上显示“无”"),
            key(AttachmentEntry.key, "", "附件（可不填）：放在本文件旁边、随报告发布的文件，每个一行，例如下一行写 `  - \(township.name)\(year)年报.pdf`"),
            key("format", format.rawValue, "统计表的格式：2021 为国办公开办函〔2021〕30号规定的格式"),
        ]
        let zeros = Dictionary(
            uniqueKeysWithValues: StatisticsSchema.tables(for: format).map { spec in
                (spec.id, Dictionary(uniqueKeysWithValues: spec.rows.map { ($0.key, [Amount?](repeating: .zero, count: $0.columns.count)) }))
            })
        lines += ContentFileWriter.tableLines(format: format, tables: zeros)
        lines += ["---", ""]
        for section in ReportSection.allCases {
            lines += ["## " + section.heading, "", Self.placeholder(section), ""]
            for subheading in section.subheadings {
                lines += ["### " + subheading, "", ReportSection.placeholderOpening + "本年度" + subheading.drop { $0 != "）" }.dropFirst() + "工作的情况。）", ""]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The line a section starts with, to be replaced by the report's text.
    static func placeholder(_ section: ReportSection) -> String {
        switch section {
        case .overview: "（请概述本年度政府信息公开工作的总体情况，再在下面各小节中分别填写。）"
        case .activeDisclosure, .applications, .reviewAndLitigation:
            "（本节的统计表由文件开头 \(section.table!.rawValue) 中的数字生成，请在那里填写实际数字；需要补充说明时写在这里，不需要时删除这一行。）"
        case .problems: ReportSection.placeholderOpening + "上一年度报告中所列问题的整改情况，以及本年度存在的主要问题和改进措施。）"
        case .otherMatters: ReportSection.placeholderOpening + "本年度收取信息处理费的情况（没有收取的，写明未收取），以及其他需要报告的事项；没有的写“无”。）"
        }
    }

    /// Writes the file under `content` (folders created as needed); `displayPath` is how messages
    /// name it. An existing file is never replaced.
    public func write(into content: URL, displayPath: (URL) -> String) throws(DiagnosticsError) -> URL {
        let url = content.appendingPathComponent(relativePath)
        if FileManager.default.fileExists(atPath: url.path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil {
            throw DiagnosticsError([.error(.newReportExists(path: displayPath(url)), at: nil)])
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text().utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            if FileManager.default.fileExists(atPath: url.path) {
                throw DiagnosticsError([.error(.newReportExists(path: displayPath(url)), at: nil)])
            }
            throw DiagnosticsError([.error(.scaffoldWriteFailed(path: displayPath(url), reason: PortalScaffold.reason(error)), at: nil)])
        }
        return url
    }
}
