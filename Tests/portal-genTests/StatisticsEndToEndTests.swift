import Foundation
import Testing

@testable import PortalKit

/// The statistics tables as a reader, a supervisor and a researcher get them from the built site.
@Suite(.serialized) struct StatisticsEndToEndTests {
    static let content = PortalGen.repositoryRoot.appendingPathComponent("Content")

    static func sources(in folder: URL) throws -> [SourceTables] {
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        return try enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }.map(SourceTables.init(file:))
    }

    static func slug(_ township: String, content: URL) throws -> String {
        // Slugs as portal.yml gives them (北岭乡 has none: its pinyin).
        let settings = try String(contentsOf: content.appendingPathComponent("portal.yml"), encoding: .utf8)
        // Without comments (the example explains itself in them).
        let lines = settings.components(separatedBy: "\n").map { String($0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]) }
        guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "- name: \(township)" }) else { return "" }
        for line in lines[(index + 1)...] {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- name:") { break }
            if trimmed.hasPrefix("slug: ") { return String(trimmed.dropFirst(6)) }
        }
        return township == "北岭乡" ? "beilingxiang" : township == "花庄镇" ? "huazhuangzhen" : ""
    }

    /// Compares every cell of the page's T2, T3 and T4 with the source file, row by row.
    static func expectTablesMatch(_ html: String, _ source: SourceTables, page: String) throws {
        let tables = try HTMLTable.all(in: html)
        for key in ["t2", "t3", "t4"] {
            let table = try #require(tables[key], "\(page) has no table \(key)")
            let ids = table.headerIDs
            for cell in table.cells {
                #expect(cell.headers.isSubset(of: ids), "\(page) \(key): headers \(cell.headers) name missing header cells")
                #expect(cell.blank == cell.text.isEmpty, "\(page) \(key): a blank cell is marked blank, and only then")
            }
            for (row, expected) in try #require(source.rows[key]) {
                let shown = table.cells.filter { $0.headers.contains("\(key)-\(row)") }.map(\.text)
                #expect(shown == expected, "\(page) \(key) row \(row)")
            }
        }
        // Tables sit at sections 二, 三, 四, between the narrative's 一 and 五.
        let positions = ["<h2>一、", "id=\"t2\"", "id=\"t3\"", "id=\"t4\"", "<h2>五、"].map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions.map { $0! } == positions.map { $0! }.sorted(), "\(page): sections and tables in order")
        #expect(html.contains("<h2>二、主动公开政府信息情况</h2>") && html.contains("<h2>四、政府信息公开行政复议、行政诉讼情况</h2>"))
    }

    @Test func reportPagesShowEveryCellExactlyAsPublished() throws {
        let workspace = try Workspace()
        #expect(try workspace.build(content: Self.content.path).status == 0)
        let sources = try Self.sources(in: Self.content)
        #expect(sources.count >= 18)
        // A legacy report (`format: legacy`) has no tables in its front matter: its page has none of the official ones.
        #expect(sources.filter { $0.rows.isEmpty }.count == 1)
        for source in sources {
            let page = "\(source.year)/\(try Self.slug(source.township, content: Self.content))/index.html"
            let html = try String(contentsOf: workspace.url.appendingPathComponent("Output/" + page), encoding: .utf8)
            if source.rows.isEmpty {
                #expect(try HTMLTable.all(in: html).keys.filter { ["t2", "t3", "t4"].contains($0) }.isEmpty, "\(page)")
                continue
            }
            try Self.expectTablesMatch(html, source, page: page)
        }
    }

    @Test func theRealSampleReportShowsEveryCell() throws {
        let workspace = try Workspace()
        let content = PortalGen.repositoryRoot.appendingPathComponent("Tests/Fixtures/huazhuang/Content")
        let outcome = try workspace.build(content: content.path)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty, "the real report's tables add up: \(outcome.stderr)")
        let source = try #require(try Self.sources(in: content).first)
        let html = try String(contentsOf: workspace.url.appendingPathComponent("Output/2024/huazhuangzhen/index.html"), encoding: .utf8)
        try Self.expectTablesMatch(html, source, page: "huazhuang")
        #expect(html.contains("本报告为零报告"))
        let t3 = try #require(try HTMLTable.all(in: html)["t3"])
        #expect(t3.cells.count == 25 * 7)
        #expect(t3.cell("t3-C3", "t3-C", "t3-results", "t3-research", "t3-legal", "t3-applicant")?.text == "0")
    }

    @Test func compilationPagesSumEachYearsReports() throws {
        let workspace = try Workspace()
        #expect(try workspace.build(content: Self.content.path).status == 0)
        let sources = try Self.sources(in: Self.content)
        for year in Set(sources.map(\.year)) {
            let compilation = workspace.url.appendingPathComponent("Output/\(year)/compilation/index.html")
            // Legacy reports are in no compilation; a year of legacy reports only has none.
            guard sources.contains(where: { $0.year == year && !$0.rows.isEmpty }) else {
                #expect(!FileManager.default.fileExists(atPath: compilation.path), "\(year) has no compilation")
                continue
            }
            let html = try String(contentsOf: compilation, encoding: .utf8)
            #expect(html.contains("不是示例县人民政府的法定年度报告"))
            // One compilation per layout: reports printing （六）其他处理 as one row (t3 key F) apart.
            for combined in [false, true] {
                let included = sources.filter { $0.year == year && !$0.rows.isEmpty && ($0.rows["t3"]?["F"] != nil) == combined }
                guard !included.isEmpty else { continue }
                #expect(html.contains("\(included.count)份报告"))
                try Self.expectCompilation(html, included, prefix: combined ? "f2021-combined" : "f2021", year: year)
            }
        }
    }

    static func expectCompilation(_ html: String, _ included: [SourceTables], prefix: String, year: Int) throws {
        do {
            let tables = try HTMLTable.all(in: html)
            for key in ["t2", "t3", "t4"] {
                let table = try #require(tables["\(prefix)-\(key)"])
                for (row, first) in included[0].rows[key]! {
                    let shown = table.cells.filter { $0.headers.contains("\(prefix)-\(key)-\(row)") }.map(\.text)
                    let sums = first.indices.map { column in
                        included.reduce(Decimal(0)) { $0 + (Decimal(string: $1.rows[key]![row]![column]) ?? 0) }
                    }
                    #expect(shown == sums.map { "\($0)" }, "\(year) compilation \(key) \(row)")
                }
            }
        }
    }

    @Test func supervisionGridShowsEveryStateInWords() throws {
        let workspace = try Workspace()
        #expect(try workspace.build(content: Self.content.path).status == 0)
        let output = workspace.url.appendingPathComponent("Output")
        let html = try String(contentsOf: output.appendingPathComponent("supervision/index.html"), encoding: .utf8)
        let grid = try #require(try HTMLTable.all(in: html).values.first { $0.element.attribute(forName: "class")?.stringValue == "supervision-grid" })
        let years = [2024, 2023, 2022, 2016]
        var states: [String: String] = [:]
        for row in grid.rows {
            let township = row[0].stringValue!.trimmingCharacters(in: .whitespacesAndNewlines)
            for (index, cell) in row.dropFirst().enumerated() {
                // Each cell names its year too (for the phone layout, where the column headers are not beside it).
                let text = cell.stringValue!.filter { !$0.isWhitespace }
                #expect(text.hasPrefix("\(years[index])年度："))
                states["\(township)/\(years[index])"] = String(text.dropFirst("\(years[index])年度：".count))
            }
        }
        #expect(states.count == 7 * 4)
        #expect(states["城关镇/2016"] == "✓已公开2017年3月20日旧格式", "a legacy report is published, in its own state")
        #expect(states["东湖镇/2016"] == "✕未公开")
        #expect(states["青石镇/2016"] == "－未设立", "青石镇 is established in 2017 (Content/portal.yml)")
        #expect(states["柳林乡/2023"] == "✕未公开")
        #expect(states["南河镇/2023"]?.contains("逾期") == true, "published 2024-04-15, after the 03-31 deadline")
        #expect(states["西山乡/2023"]?.contains("零报告") == true)
        #expect(states["南河镇/2022"]?.contains("数据核对有误") == true)
        #expect(states["城关镇/2024"] == "✓已公开2025年1月20日")

        // Every finding links to its report, at the table row when the finding is in the tables.
        let findingLinks = links(in: html).filter { $0.contains("#") && !$0.hasPrefix("#") }
        #expect(findingLinks.contains("../2022/nanhe/index.html#t3-N"))
        for link in findingLinks {
            let parts = link.split(separator: "#")
            let page = try String(
                contentsOf: URL(fileURLWithPath: String(parts[0]), relativeTo: output.appendingPathComponent("supervision/")), encoding: .utf8)
            #expect(page.contains("id=\"\(parts[1])\""), "\(link) points at a row of the page")
        }
    }

    @Test func openDataRoundTripsExactly() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings + "\nsite_url: https://www.example.gov.cn\nbase_path: /xxgk/\n", to: "Content/portal.yml")
        try workspace.write(reportText(tables: tablesYAML(["t2.fees": "24252.311082", "A": "[0, ~, ~, ~, ~, ~, 0]"])), to: "Content/a.md")
        try workspace.write(reportText(township: "东城镇", tables: tablesYAML(["t2.fees": "4068.208"])), to: "Content/b.md")
        let outcome = try workspace.build()
        #expect(outcome.status == 0)
        let output = workspace.url.appendingPathComponent("Output")

        let csvData = try Data(contentsOf: output.appendingPathComponent("data/reports.csv"))
        #expect(csvData.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark, so Excel reads UTF-8")
        let lines = String(decoding: csvData.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 3)
        // Chinese headers for Excel, each standing for one documented key.
        let titles = lines[0].components(separatedBy: ",")
        #expect(Array(titles.prefix(7)) == ["乡镇", "发布机构", "年度", "发布日期", "索引号", "格式", "网址"])
        #expect(titles.contains("表三·（三）不予公开·1.属于国家秘密·自然人"))
        #expect(Set(titles).count == titles.count, "every header names one column")
        let keyOfTitle = Dictionary(
            uniqueKeysWithValues: zip(OpenData.identityTitles + OpenData.cellColumns.map(\.title), OpenData.identityColumns + OpenData.cellColumns.map(\.name)))
        let header = titles.map { keyOfTitle[$0] ?? $0 }
        let rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.components(separatedBy: ","))) }
        let hua = try #require(rows.first { $0["township"] == "花庄镇" })
        #expect(hua["t2_fees_amount"] == "24252.311082")
        #expect(hua["t3_A_natural"] == "0")
        #expect(hua["t3_A_business"] == "", "a blank cell stays blank")
        #expect(hua["t3_F_natural"] == "", "2019-only columns are empty for a 2021 report")
        #expect(hua["url"] == "https://www.example.gov.cn/xxgk/2024/huazhuang/index.html")
        #expect(rows.first { $0["township"] == "东城镇" }?["t2_fees_amount"] == "4068.208")

        let json = try Data(contentsOf: output.appendingPathComponent("2024/huazhuang/data.json"))
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"amount\": 24252.311082"), "an exact decimal, no floating-point noise")
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let t3 = try #require((object["tables"] as? [String: Any])?["t3"] as? [String: Any])
        let a = try #require(t3["A"] as? [String: Any])
        #expect(a["business"] is NSNull)
        #expect((a["natural"] as? NSNumber)?.intValue == 0)
        let all = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/reports.json"))) as? [String: Any])
        let listed = try #require(all["reports"] as? [NSDictionary])
        #expect(listed.count == 2)
        // reports.json writes its tables on one line by a faster path; each entry still equals the
        // report's own data.json (but for its attachments, which only data.json lists).
        for entry in listed {
            let path = entry["township"] as? String == "花庄镇" ? "2024/huazhuang/data.json" : "2024/dongcheng/data.json"
            let own = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent(path))) as? [String: Any])
            #expect(entry == own.filter { $0.key != "attachments" } as NSDictionary, "\(path)")
        }

        let page = try String(contentsOf: output.appendingPathComponent("2024/huazhuang/index.html"), encoding: .utf8)
        #expect(links(in: page).contains("data.json"))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(links(in: home).contains("data/reports.csv") && links(in: home).contains("data/reports.json"))
        #expect(page.contains(">24252.311082<"))
    }

    @Test func checkReportsFindingsWithExitCodes() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        try workspace.write(reportText(), to: "Content/a.md")
        let clean = try PortalGen.run(["check"], in: workspace.url)
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)

        let bad = reportText(township: "东城镇", tables: tablesYAML(["N": "[3, 0, 0, 0, 0, 0, 3]", "A": "[2, 0, 0, 0, 0, 0, 2]", "G": "[2, 0, 0, 0, 0, 0, 2]"]))
        try workspace.write(bad, to: "Content/b.md")
        let line = try #require(bad.components(separatedBy: "\n").firstIndex { $0.hasPrefix("  N: ") }) + 1
        let failing = try PortalGen.run(["check"], in: workspace.url)
        #expect(failing.status == 1)
        let broken = Message.t3BalanceBroken(column: "自然人", received: "3", carried: "0", left: "3", total: "2", carriedOn: "0", right: "2")
        #expect(failing.stdout.shows(.error, broken, at: "Content/b.md", line: line, column: 7, rule: .t3Balance))
        // The documented form: the rule's id for tools and its name for people.
        #expect(failing.stdout.contains("Content/b.md:\(line):7: 错误: [T3-1 申请数量勾稽关系] "))
        let english = try PortalGen.run(["check", "--lang", "en"], in: workspace.url)
        #expect(english.stdout.contains("Content/b.md:\(line):7: error: [T3-1 request balance] " + broken.text(.english)))
        #expect(english.stderr.shows(.checkSummary(reports: 2, errors: 2, warnings: 0), in: .english))
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Output").path), "check writes nothing")

        let json = try PortalGen.run(["check", "--format", "json"], in: workspace.url)
        #expect(json.status == 1)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(findings.count == 2)
        #expect(findings[0]["message_id"] as? String == "t3BalanceBroken" && findings[0]["rule_name"] as? String == "申请数量勾稽关系")
        #expect(findings[0]["rule"] as? String == "T3-1" && findings[0]["line"] as? Int == line && findings[0]["severity"] as? String == "error")

        // A build publishes the report as published, with warnings; --strict refuses.
        let lenient = try workspace.build()
        #expect(lenient.status == 0)
        #expect(lenient.stderr.showsRule(.t3Balance, .warning))
        let strict = try workspace.build(["--strict"], output: "Strict")
        #expect(strict.status == 1)
        #expect(strict.stderr.showsRule(.t3Balance, .error))

        try workspace.write("---\ntitle: x\n", to: "Content/c.md")
        try Data([0xFF, 0x41, 0x42]).write(to: workspace.url.appendingPathComponent("Content/d.md"))
        let unreadable = try PortalGen.run(["check"], in: workspace.url)
        #expect(unreadable.status == 2)
        #expect(unreadable.stdout.contains("Content/d.md:1:1: 错误: " + Message.fileNotUTF8(offset: 0).text(.chinese).components(separatedBy: "（")[0]))
        #expect(try PortalGen.run(["check", "--content", "Missing"], in: workspace.url).status == 2)
        let usage = try PortalGen.run(["check", "--format", "xml"], in: workspace.url)
        #expect(usage.status == 2, "usage errors exit 2")
        #expect(usage.stderr.contains("--format"))
    }

    @Test func malformedTablesAlwaysFailTheBuild() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        let text = reportText(tables: tablesYAML(["B": "[一, 0, 0, 0, 0, 0, 0]"]))
        try workspace.write(text, to: "Content/a.md")
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("  B: ") }) + 1
        let outcome = try workspace.build()
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.shows(
                .error, .cellNotNumber(table: "T3", row: "B", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", column: 1, columnLabel: "自然人", text: "一"),
                at: "Content/a.md", line: line, column: 7))
    }
}
