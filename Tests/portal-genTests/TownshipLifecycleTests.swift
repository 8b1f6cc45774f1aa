import Foundation
import Testing

@testable import PortalKit

/// Townships that are set up, renamed and merged; reports not yet due; what the public
/// supervision page says and where it is published — through real builds of the real executable.
@Suite(.serialized) struct TownshipLifecycleTests {
    /// 花庄镇 was 花庄乡 until 2022; 东城镇 was set up in 2023; 西山乡's last year is 2022, then it
    /// was merged into 花庄镇; 北镇 always existed and never published.
    static let settings =
        minimalSettings
        .replacingOccurrences(of: "    slug: huazhuang\n", with: "    slug: huazhuang\n    former_names:\n      - {name: 花庄乡, until: 2022}\n")
        .replacingOccurrences(of: "    slug: dongcheng\n", with: "    slug: dongcheng\n    established: 2023\n")
        + "\n    abolished: 2022\n    merged_into: 花庄镇\n  - name: 北镇\n    organ: 测试县北镇人民政府\n    slug: beizhen\n"

    /// The line of `settings` holding `text`.
    static func line(of text: String) -> Int {
        (settings.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) } ?? -1) + 1
    }

    static func portal(settings: String = settings) throws -> Workspace {
        let workspace = try Workspace()
        try workspace.write(settings, to: "Content/portal.yml")
        // The 2022 report of 花庄镇 is written under the name of its time.
        try workspace.write(reportText(township: "花庄乡", year: 2022, published: "2023-01-20"), to: "Content/reports/2022/huazhuang.md")
        try workspace.write(reportText(township: "花庄镇", year: 2023, published: "2024-01-20"), to: "Content/reports/2023/huazhuang.md")
        try workspace.write(reportText(township: "西山乡", year: 2022, published: "2023-01-22"), to: "Content/reports/2022/xishan.md")
        try workspace.write(reportText(township: "东城镇", year: 2023, published: "2024-01-22"), to: "Content/reports/2023/dongcheng.md")
        return workspace
    }

    static func read(_ workspace: Workspace, _ path: String, output: String = "Output") throws -> String {
        try String(contentsOf: workspace.url.appendingPathComponent(output).appendingPathComponent(path), encoding: .utf8)
    }

    /// Township/year → the cell's words (without the year label the phone layout shows).
    static func grid(_ html: String) throws -> [String: String] {
        let grid = try #require(try HTMLTable.all(in: html).values.first { $0.element.attribute(forName: "class")?.stringValue == "supervision-grid" })
        let years = try NSRegularExpression(pattern: #"<th scope="col">(\d{4})年度"#).matches(in: html, range: NSRange(html.startIndex..., in: html))
            .map { Int(html[Range($0.range(at: 1), in: html)!])! }
        var states: [String: String] = [:]
        for row in grid.rows {
            let township = String(row[0].stringValue!.filter { !$0.isWhitespace }.prefix { $0 != "（" })
            for (index, cell) in row.dropFirst().enumerated() {
                let text = cell.stringValue!.filter { !$0.isWhitespace }
                let label = "\(years[index])年度："
                #expect(text.hasPrefix(label), "every cell names its year for the phone layout: \(text)")
                states["\(township)/\(years[index])"] = String(text.dropFirst(label.count))
            }
        }
        return states
    }

    static func totals(_ html: String) -> String {
        guard let start = html.range(of: "<ul class=\"totals\">"), let end = html.range(of: "</ul>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.upperBound..<end.lowerBound]).replacingOccurrences(of: #"<[^>]+>|\s"#, with: "", options: .regularExpression)
    }

    @Test func yearsOutsideATownshipsExistenceAreNeitherMissingNorPublished() throws {
        let workspace = try Self.portal()
        let built = try workspace.build(["--today", "2025-01-10"])
        #expect(built.status == 0, "\(built.stderr)")
        let html = try Self.read(workspace, "supervision/index.html")
        let states = try Self.grid(html)
        #expect(states["东城镇/2022"] == "－未设立")
        #expect(states["西山乡/2023"] == "－已并入花庄镇")
        #expect(states["北镇/2022"] == "✕未公开")
        #expect(states["北镇/2023"] == "✕未公开")
        #expect(states["花庄镇/2022"] == "✓已公开2023年1月20日时称花庄乡零报告", "the grid row keeps the present name, the cell the name of its year")
        #expect(states["花庄镇/2023"] == "✓已公开2024年1月20日零报告")
        #expect(html.contains("<span class=\"former-names\">（曾用名：花庄乡）</span>"))
        #expect(Self.totals(html).contains("已公开4份未公开2份未到期0份未设立或已撤并（不需报送）2格"), "\(Self.totals(html))")

        // `check` reports no missing report of a year outside a township's existence (nor any other).
        let check = try PortalGen.run(["check", "--content", "Content"], in: workspace.url)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(!check.stdout.contains("东城镇") && !check.stdout.contains("西山乡"))
    }

    @Test func aReportIsShownUnderTheNameOfItsYearAndTheTownshipPageHasItsHistory() throws {
        let workspace = try Self.portal()
        let built = try workspace.build(["--today", "2025-01-10"])
        #expect(built.status == 0, "\(built.stderr)")
        let report = try Self.read(workspace, "2022/huazhuang/index.html")
        #expect(report.contains("<dd>测试县花庄乡人民政府</dd>"), "the default 发布机构 of that year")
        #expect(report.contains(">花庄乡</a>"), "the breadcrumb names the township as it was called")
        #expect(!report.contains(">花庄镇</a>"))
        let year = try Self.read(workspace, "2022/index.html")
        #expect(year.contains("花庄乡") && !year.contains("花庄镇"))
        #expect(try Self.read(workspace, "2023/huazhuang/index.html").contains("<dd>测试县花庄镇人民政府</dd>"))
        // One township page, at one address, with the reports of both names.
        let township = try Self.read(workspace, "huazhuang/index.html")
        #expect(township.contains("2022/huazhuang/index.html") && township.contains("2023/huazhuang/index.html"))
        #expect(township.contains("曾用名花庄乡（测试县花庄乡人民政府），使用至2022年度"))
        let merged = try Self.read(workspace, "xishanxiang/index.html")
        #expect(merged.contains("2022年度后并入<a href=\"../huazhuang/index.html\">花庄镇</a>"))
        #expect(try Self.read(workspace, "dongcheng/index.html").contains("2023年度起设立"))
        let data = try Self.read(workspace, "data/reports.csv")
        #expect(data.contains("花庄乡"), "the open data names the township as it was called")
    }

    @Test func aReportOfAYearOutsideTheTownshipsExistenceIsAnErrorAtItsYear() throws {
        let workspace = try Self.portal()
        try workspace.write(reportText(township: "东城镇", year: 2022, published: "2023-01-22"), to: "Content/reports/2022/dongcheng.md")
        let built = try workspace.build(["--today", "2025-01-10"])
        #expect(built.status == 1)
        let message = Message.reportOutsideExistence(township: "东城镇", year: 2022, established: 2023, abolished: nil).text(.chinese)
        #expect(built.printed.contains("Content/reports/2022/dongcheng.md:4:7: 错误: \(message)"), "\(built.printed)")
    }

    @Test func aFormerNameUsedAfterItsYearsIsAWarning() throws {
        let workspace = try Self.portal()
        try workspace.write(reportText(township: "花庄乡", year: 2023, published: "2024-01-20"), to: "Content/reports/2023/huazhuang.md")
        let built = try workspace.build(["--today", "2025-01-10"])
        #expect(built.status == 0)
        let message = Message.reportFormerNameOutOfTime(written: "花庄乡", year: 2023, until: 2022, present: "花庄镇").text(.chinese)
        #expect(built.printed.contains("Content/reports/2023/huazhuang.md:3:11: 警告: \(message)"), "\(built.printed)")
        #expect(try Self.read(workspace, "2023/huazhuang/index.html").contains("<dd>测试县花庄镇人民政府</dd>"))
    }

    @Test(arguments: [
        (
            "    merged_into: 花庄\n", Message.mergedIntoUnknown(name: "西山乡", target: "花庄", suggestion: "花庄镇"), "merged_into"
        ),
        ("    merged_into: xishanxiang\n", Message.mergedIntoItself(name: "西山乡"), "merged_into"),
        // 东城镇 is set up in 2023: it does not exist the year after 2021.
        ("    merged_into: dongcheng\n", Message.mergedIntoGone(name: "西山乡", target: "东城镇", year: 2022), "merged_into"),
    ])
    func mergedIntoIsCheckedAtItsLine(line: String, message: Message, key: String) throws {
        let settings = Self.settings.replacingOccurrences(of: "    abolished: 2022\n    merged_into: 花庄镇\n", with: "    abolished: 2021\n" + line)
        try expectSettingsError(settings, message: message, key: key)
    }

    @Test func lifecycleYearsAreCheckedAtTheirLines() throws {
        try expectSettingsError(
            Self.settings.replacingOccurrences(of: "    abolished: 2022\n    merged_into: 花庄镇\n", with: "    merged_into: 花庄镇\n"),
            message: .mergedIntoWithoutAbolished(name: "西山乡"), key: "merged_into")
        try expectSettingsError(
            Self.settings.replacingOccurrences(of: "    established: 2023\n", with: "    established: 2023\n    abolished: 2021\n"),
            message: .abolishedBeforeEstablished(name: "东城镇", established: 2023, abolished: 2021), key: "abolished")
        try expectSettingsError(
            Self.settings.replacingOccurrences(of: "{name: 花庄乡, until: 2022}", with: "{name: 北镇, until: 2022}"),
            message: .formerNameTaken(former: "北镇", other: "北镇", otherLine: Self.line(of: "- name: 北镇")), key: "{name: 北镇")
        try expectSettingsError(
            Self.settings.replacingOccurrences(
                of: "    established: 2023\n", with: "    established: 2023\n    former_names:\n      - {name: 东城乡, until: 2020}\n"),
            message: .formerNameUntilOutside(name: "东城镇", former: "东城乡", until: 2020, first: 2023, last: nil), key: "- {name: 东城乡")
    }

    /// Builds with `settings` and expects `message` as the error at the line of portal.yml holding `key`.
    private func expectSettingsError(_ settings: String, message: Message, key: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let workspace = try Self.portal(settings: settings)
        let built = try workspace.build(["--today", "2025-01-10"])
        #expect(built.status == 1, sourceLocation: sourceLocation)
        let lines = settings.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains(key + ":") || $0.contains(key) }, sourceLocation: sourceLocation) + 1
        #expect(
            built.printed.contains("Content/portal.yml:\(line):") && built.printed.contains("错误: \(message.text(.chinese))"),
            "\(built.printed)", sourceLocation: sourceLocation)
        let reported = built.printed.split(separator: "\n").first { $0.contains(message.text(.chinese)) } ?? ""
        #expect(reported.hasPrefix("Content/portal.yml:\(line):"), "\(reported)", sourceLocation: sourceLocation)
    }

    @Test func theCurrentYearBeforeItsDeadlineIsNotDueAndAfterItMissing() throws {
        let workspace = try Self.portal()
        // 2024-03-31 is the last day for the 2023 reports (deadline 03-31): 北镇's is not due yet.
        #expect(try workspace.build(["--today", "2024-03-31"]).status == 0)
        var html = try Self.read(workspace, "supervision/index.html")
        var states = try Self.grid(html)
        #expect(states["北镇/2023"] == "…未到期")
        #expect(states["北镇/2022"] == "✕未公开", "the year before is long due")
        #expect(Self.totals(html).contains("未公开1份未到期1份"), "\(Self.totals(html))")
        // The next day, with nothing else changed, the same output folder shows it missing.
        let next = try workspace.build(["--today", "2024-04-01"])
        #expect(next.status == 0, "\(next.stderr)")
        html = try Self.read(workspace, "supervision/index.html")
        states = try Self.grid(html)
        #expect(states["北镇/2023"] == "✕未公开")
        #expect(Self.totals(html).contains("未公开2份未到期0份"), "\(Self.totals(html))")
    }

    @Test func thePublicSupervisionPageShowsNoInternalCode() throws {
        let workspace = try Workspace()
        let built = try workspace.build(content: Repository.content.path)
        #expect(built.status == 0)
        let html = try Self.read(workspace, "supervision/index.html")
        let text = html.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
        #expect(html.contains("表三“总计”栏：办理结果总计为2，但各项办理结果之和为3"), "findings are in plain words")
        for rule in RuleID.all {
            #expect(!html.contains(rule.rawValue), "\(rule.rawValue) in the page")
            #expect(text.range(of: rule.rawValue, options: .caseInsensitive) == nil, "\(rule.rawValue) in the page's text")
        }
        #expect(text.range(of: #"\bT[234]\b"#, options: .regularExpression) == nil, "tables are named 表二–表四")
        // The codes stay where the office reads them.
        let check = try PortalGen.run(["check", "--content", Repository.content.path], in: workspace.url)
        #expect(check.stdout.contains("[T3-1 ") && check.stdout.contains("[BLANK "))
        let json = try PortalGen.run(["check", "--content", Repository.content.path, "--format", "json"], in: workspace.url)
        #expect(json.stdout.contains("\"T3-1\"") && json.stdout.contains("\"BLANK\""))
    }

    static func supervisionSettings(_ value: String) -> String {
        settings.replacingOccurrences(of: "townships:\n", with: "supervision: \(value)\ntownships:\n")
    }

    static func sitemap(_ workspace: Workspace) throws -> String { try read(workspace, "sitemap.xml") }

    @Test func supervisionPublicIsInTheSite() throws {
        let workspace = try Self.portal(settings: Self.supervisionSettings("public"))
        #expect(try workspace.build(["--today", "2025-01-10"]).status == 0)
        #expect(try Self.read(workspace, "index.html").contains("href=\"supervision/index.html\""))
        #expect(try Self.sitemap(workspace).contains("<loc>supervision/index.html</loc>"))
    }

    @Test func supervisionOfficeIsWrittenOnlyOutsideTheOutputFolder() throws {
        let workspace = try Self.portal(settings: Self.supervisionSettings("office"))
        let built = try workspace.build(["--today", "2025-01-10", "--office", "监督页"])
        #expect(built.status == 0, "\(built.printed)")
        let output = workspace.url.appendingPathComponent("Output")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("supervision").path))
        for page in snapshot(output).keys where page.hasSuffix(".html") {
            #expect(!(try Self.read(workspace, page)).contains("supervision/"), "\(page) links to the supervision page")
        }
        #expect(!(try Self.sitemap(workspace)).contains("supervision"))
        let office = try String(contentsOf: workspace.url.appendingPathComponent("监督页/index.html"), encoding: .utf8)
        #expect(office.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        #expect(office.contains("内部工作用页面"))
        // Its links reach the local build's reports and stylesheet.
        let pageLinks = links(in: office).filter { !$0.hasPrefix("http") && !$0.hasPrefix("#") }
        #expect(pageLinks.contains("../Output/2022/huazhuang/index.html"))
        for link in pageLinks {
            let path = String(link.split(separator: "#")[0])
            #expect(
                FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("监督页").appendingPathComponent(path).standardizedFileURL.path),
                "\(link)")
        }
        #expect(!built.printed.contains(Message.officeNotRequested.text(.chinese)))

        // Without --office: no page anywhere, and the build says so.
        let without = try Self.portal(settings: Self.supervisionSettings("office"))
        let plain = try without.build(["--today", "2025-01-10"])
        #expect(plain.status == 0)
        #expect(plain.printed.contains(Message.officeNotRequested.text(.chinese)))
        #expect(!FileManager.default.fileExists(atPath: without.url.appendingPathComponent("Output/supervision").path))

        // A folder inside the output folder would be published: refused before anything is written.
        let inside = try Self.portal(settings: Self.supervisionSettings("office"))
        let refused = try inside.build(["--today", "2025-01-10", "--office", "Output/office"])
        #expect(refused.status == 1)
        #expect(
            refused.printed.contains("错误: \(Message.officeFolderInsideOutput(office: "Output/office", output: "Output").text(.chinese))"), "\(refused.printed)")
        #expect(!FileManager.default.fileExists(atPath: inside.url.appendingPathComponent("Output/office").path))
    }

    @Test func supervisionNoneIsNotMade() throws {
        let workspace = try Self.portal(settings: Self.supervisionSettings("none"))
        let built = try workspace.build(["--today", "2025-01-10", "--office", "监督页"])
        #expect(built.status == 0)
        #expect(built.printed.contains(Message.officeIgnored.text(.chinese)))
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Output/supervision").path))
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("监督页").path))
        #expect(!(try Self.read(workspace, "index.html")).contains("公开年报情况总览"))
        #expect(!(try Self.sitemap(workspace)).contains("supervision"))
    }

    @Test func anUnknownSupervisionValueIsAnErrorAtItsLine() throws {
        let workspace = try Self.portal(settings: Self.supervisionSettings("private"))
        let built = try workspace.build()
        #expect(built.status == 1)
        #expect(built.printed.contains("Content/portal.yml:5:1: 错误: \(Message.supervisionInvalid(text: "private").text(.chinese))"), "\(built.printed)")
    }
}

extension PortalGen.Outcome {
    /// Everything the run printed: results on standard output, diagnostics on standard error.
    var printed: String { stdout + stderr }
}
