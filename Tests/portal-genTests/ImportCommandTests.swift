import Foundation
import PortalKit
import Testing
import Yams

/// `portal-gen import` end to end: real fixture files in every input format, the real executable,
/// the written content file read back with Yams, and the built page parsed.
@Suite struct ImportCommandTests {
    static let fixtures = PortalGen.repositoryRoot.appendingPathComponent("Tests/Fixtures/import")

    /// Per fixture: township, year, format and every expected cell (nil for a blank).
    struct Expected {
        var township: String
        var year: Int
        var format: String
        var tables: [String: [String: [String?]]]
        var notes: [String]
    }

    static func expected() throws -> [String: Expected] {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("expected.json"))) as? [String: [String: Any]])
        var result: [String: Expected] = [:]
        for (file, entry) in json where entry["t3"] != nil {
            var tables: [String: [String: [String?]]] = [:]
            for key in ["t2", "t3", "t4"] {
                let rows = try #require(entry[key] as? [String: [Any]])
                tables[key] = rows.mapValues { $0.map { $0 is NSNull ? nil : "\($0)" } }
            }
            result[file] = Expected(
                township: entry["township"] as! String, year: entry["year"] as! Int, format: entry["format"] as! String,
                tables: tables, notes: entry["notes"] as? [String] ?? [])
        }
        return result
    }

    /// A portal whose portal.yml is the fixtures' one (plus 青石镇 when asked).
    static func portal(withQingshi: Bool = false) throws -> Workspace {
        let workspace = try Workspace()
        var settings = try String(contentsOf: fixtures.appendingPathComponent("portal.yml"), encoding: .utf8)
        if withQingshi { settings += "\n  - name: 青石镇\n    organ: 示例县青石镇人民政府\n    slug: qingshi\n" }
        try workspace.write(settings, to: "Content/portal.yml")
        return workspace
    }

    /// The tables of a written content file, read with Yams: row → cells as written ("~" → nil).
    static func writtenTables(_ url: URL) throws -> (format: String, tables: [String: [String: [String?]]]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        let yaml = String(text.components(separatedBy: "\n---\n")[0].dropFirst(4))
        let node = try #require(try Yams.compose(yaml: yaml))
        var tables: [String: [String: [String?]]] = [:]
        for key in ["t2", "t3", "t4"] {
            for (row, value) in try #require(node[key]?.mapping) {
                let items = value.sequence.map(Array.init) ?? [value]
                tables[key, default: [:]][row.string!] = items.map { $0.null != nil ? nil : $0.string! }
            }
        }
        return (node["format"]!.string!, tables)
    }

    /// Every cell of every table as expected, and exactly the format's rows.
    static func expectCells(
        _ written: [String: [String: [String?]]], as expected: Expected, _ file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for (table, rows) in expected.tables {
            for (row, cells) in rows {
                #expect(written[table]?[row] == cells, "\(file) \(table).\(row)", sourceLocation: sourceLocation)
            }
            #expect(
                Set(written[table]?.keys ?? [:].keys) == Set(rows.keys), "\(file) \(table) has exactly the format's rows", sourceLocation: sourceLocation)
        }
    }

    static func arguments(for file: String) -> [String] {
        var arguments = ["import", fixtures.appendingPathComponent(file).path]
        if !file.hasSuffix(".html") { arguments += ["--published", "2025-01-20", "--index-number", "TEST/\(file)"] }
        return arguments
    }

    @Test(arguments: [
        "huazhuang-2024.txt", "chengguan-2024.docx", "donghu-2023.html", "xishan-2024-gb18030.txt",
        "nanhe-2024-pipes.md", "beiling-2024-cells.txt", "chengguan-2023-runtogether.txt", "qingshi-2020-format2019.txt",
    ])
    func importsEveryNumberExactlyAndBuilds(file: String) throws {
        let expected = try #require(try Self.expected()[file])
        let workspace = try Self.portal(withQingshi: file.hasPrefix("qingshi"))
        let outcome = try PortalGen.run(Self.arguments(for: file), in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let slug = ["花庄镇": "huazhuang", "城关镇": "chengguan", "东湖镇": "donghu", "西山乡": "xishan", "南河镇": "nanhe", "北岭乡": "beiling", "青石镇": "qingshi"][
            expected.township]!
        let path = "Content/reports/\(expected.year)/\(slug).md"
        #expect(outcome.stdout.shows(.importWrote(path: path)))
        let written = try Self.writtenTables(workspace.url.appendingPathComponent(path))
        #expect(written.format == expected.format)
        Self.expectCells(written.tables, as: expected, file)
        let text = try String(contentsOf: workspace.url.appendingPathComponent(path), encoding: .utf8)
        for note in expected.notes { #expect(text.contains(note), "the annotation \(note) moves into the narrative") }
        #expect(text.contains("## 一、"), "the narrative keeps its section headings")
        if file.hasSuffix(".html") {
            // The page's metadata block: 发布日期 (not the 成文日期 or the signature date), 索引号.
            #expect(text.contains("\npublished: 2024-02-06\n"))
            #expect(text.contains("\nwritten: 2024-02-05\n"))
            #expect(text.contains("\nindex_number: 11419999MB0000002B/2024-00002\n"))
            #expect(!text.contains("分享到") && !text.contains("网站标识码") && !text.contains("打印本页"), "site chrome stays out")
        }
        #expect(text.contains("## 六、"))

        // The imported report builds, and its page shows every cell as imported.
        let build = try workspace.build()
        #expect(build.status == 0, "\(build.stderr)")
        let html = try String(contentsOf: workspace.url.appendingPathComponent("Output/\(expected.year)/\(slug)/index.html"), encoding: .utf8)
        let tables = try HTMLTable.all(in: html)
        for (key, rows) in expected.tables {
            let table = try #require(tables[key])
            for (row, cells) in rows {
                let shown = table.cells.filter { $0.headers.contains("\(key)-\(row)") }
                #expect(shown.map(\.text) == cells.map { $0 ?? "" }, "\(file) page \(key) \(row)")
                #expect(shown.map(\.blank) == cells.map { $0 == nil }, "\(file) page \(key) \(row) blanks")
            }
        }
    }

    @Test func theSharedSampleImportsExactly() throws {
        let shared = PortalGen.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/samples/suiping-huazhuang-2024.txt")
        let sample = FileManager.default.fileExists(atPath: shared.path) ? shared : Self.fixtures.appendingPathComponent("huazhuang-2024.txt")
        let workspace = try Self.portal()
        let outcome = try PortalGen.run(["import", sample.path, "--published", "2025-01-20", "--index-number", "X/2025-1"], in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty, "the sample's tables add up: no findings")
        let written = try Self.writtenTables(workspace.url.appendingPathComponent("Content/reports/2024/huazhuang.md"))
        #expect(written.tables["t3"]?.count == 25 && written.tables["t3"]!.values.allSatisfy { $0 == Array(repeating: "0", count: 7) })
        #expect(written.tables["t4"]?.values.allSatisfy { $0 == Array(repeating: "0", count: 5) } == true)
        let text = try String(contentsOf: workspace.url.appendingPathComponent("Content/reports/2024/huazhuang.md"), encoding: .utf8)
        #expect(text.contains("### （一）主动公开\n"))
        #expect(text.contains("## 五、存在的主要问题及改进情况"))
        #expect(text.contains("2024年未收取信息处理费。"))
    }

    @Test func ambiguousRunTogetherDigitsWriteNothingAndListTheCandidates() throws {
        let workspace = try Self.portal()
        let file = "chengguan-2022-ambiguous.txt"
        let outcome = try PortalGen.run(Self.arguments(for: file), in: workspace.url)
        #expect(outcome.status == 1)
        let source = try String(contentsOf: Self.fixtures.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
        let line = try #require(source.firstIndex { $0.contains("国家秘密") && $0.contains("\t") }) + 1
        #expect(
            outcome.stderr.contains(
                "\(file):\(line):1: 错误: "
                    + Message.importT3RunTogether(row: "1.属于国家秘密", digits: "101000011", readings: ["[1, 0, 10, 0, 0, 0, 11]", "[10, 1, 0, 0, 0, 0, 11]"]).text(
                        .chinese)))
        #expect(outcome.stderr.shows(.importNothingWritten))
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Content/reports").path))

        let partial = try PortalGen.run(Self.arguments(for: file) + ["--partial"], in: workspace.url)
        #expect(partial.status == 0)
        #expect(partial.stderr.contains("警告: 表三“1.属于国家秘密”行") && partial.stderr.contains("（已留空 7 格，写成 ~"))
        let written = try Self.writtenTables(workspace.url.appendingPathComponent("Content/reports/2022/chengguan.md"))
        #expect(written.tables["t3"]?["C1"] == Array(repeating: nil, count: 7))
    }

    @Test func neverOverwritesWithoutForceAndDryRunWritesNothing() throws {
        let workspace = try Self.portal()
        let arguments = Self.arguments(for: "huazhuang-2024.txt")
        let dry = try PortalGen.run(arguments + ["--dry-run"], in: workspace.url)
        #expect(dry.status == 0)
        #expect(dry.stdout.hasPrefix("---\ntitle: 遂平县花庄镇人民政府2024年政府信息公开工作年度报告\n"))
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Content/reports").path))

        #expect(try PortalGen.run(arguments, in: workspace.url).status == 0)
        let file = workspace.url.appendingPathComponent("Content/reports/2024/huazhuang.md")
        try Data("edited by hand".utf8).write(to: file)
        let again = try PortalGen.run(arguments, in: workspace.url)
        #expect(again.status == 1)
        #expect(again.stderr.shows(.importTargetExists(path: "Content/reports/2024/huazhuang.md")))
        #expect(try String(contentsOf: file, encoding: .utf8) == "edited by hand")
        #expect(try PortalGen.run(arguments + ["--force"], in: workspace.url).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("---\n"))
    }

    @Test func unknownTownshipListsTheClosestNames() throws {
        let workspace = try Self.portal()
        let outcome = try PortalGen.run(Self.arguments(for: "qingshi-2020-format2019.txt"), in: workspace.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.shows { .importDetailsMissing(details: [.township], command: $0) })
        let overridden = try PortalGen.run(Self.arguments(for: "qingshi-2020-format2019.txt") + ["--township", "青石"], in: workspace.url)
        #expect(overridden.stderr.shows { .importTownshipNotListed(name: "青石", closest: [$0]) })
        let forced = try PortalGen.run(Self.arguments(for: "qingshi-2020-format2019.txt") + ["--township", "南河镇", "--year", "2021"], in: workspace.url)
        #expect(forced.status == 0)
        #expect(forced.stdout.shows(.importWrote(path: "Content/reports/2021/nanhe.md")))
    }

    @Test func aFolderImportsEverythingWithASummary() throws {
        let workspace = try Self.portal(withQingshi: true)
        // The fixtures of this folder and word/ (pdf/ has its own tests), copied as a clerk's inbox.
        let inbox = workspace.url.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path) where name != "pdf" {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: inbox.appendingPathComponent(name))
        }
        let outcome = try PortalGen.run(["import", "inbox", "--published", "2025-01-20", "--index-number", "TEST/1"], in: workspace.url)
        #expect(outcome.status == 1, "the ambiguous fixture fails")
        // One line per file after every file's own messages, then the totals: the 9 fixtures here
        // and the .doc and .rtf under word/ (made from chengguan-2024.docx, imported just before).
        let lines = outcome.stdout.components(separatedBy: "\n").filter { !$0.isEmpty }
        let total = try #require(lines.last)
        // One --index-number for every file: each report after the first repeats it (an error of check).
        #expect(total == Message.importSummaryTotal(files: 11, imported: 8, partial: 0, cells: 0, refused: 3, withErrors: 7, dryRun: false).text(.chinese))
        let rows = lines.suffix(12).dropLast()
        #expect(rows.filter { $0.hasPrefix("已导入") && $0.contains(" → Content/reports/") }.count == 8)
        #expect(rows.filter { $0.hasPrefix("已导入，但有错误：") }.count == 7)
        let ambiguous = try #require(rows.first { $0.contains("chengguan-2022-ambiguous.txt") })
        #expect(ambiguous.hasPrefix("未导入：") && ambiguous.contains("第 "), "refused, with the line of its first reason")
        #expect(ambiguous.shows { .importT3RunTogether(row: "一、本年新收政府信息公开申请数量", digits: "101000011", readings: [$0, $0]) })
        for kind in ["doc", "rtf"] {
            let row = try #require(rows.first { $0.contains("word/chengguan-2024.\(kind)") })
            #expect(row.hasSuffix(Message.importTargetExists(path: "Content/reports/2024/chengguan.md").text(.chinese)), "\(row)")
        }
    }

    @Test func undecodableFilesNameTheByteOffset() throws {
        let workspace = try Self.portal()
        var bytes = Array("遂平县花庄镇人民政府2024年政府信息公开工作年度报告\n".utf8)
        bytes += [0x81, 0x20, 0xFF, 0xFF]
        try Data(bytes).write(to: workspace.url.appendingPathComponent("bad.txt"))
        let outcome = try PortalGen.run(["import", "bad.txt"], in: workspace.url)
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.contains(
                "bad.txt:2:1: 错误: " + Message.textUndecodable(utf8Offset: bytes.count - 4, gbOffset: 0).text(.chinese).components(separatedBy: "GB18030")[0]))
    }
}

extension ImportCommandTests {
    @Test func markupInAnImportedDocumentStaysText() throws {
        let workspace = try Self.portal()
        var text = try String(contentsOf: Self.fixtures.appendingPathComponent("huazhuang-2024.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: "2024年未收取信息处理费。", with: "<script>alert(1)</script> [点我](javascript:alert(2)) <img src=x onerror=alert(3)> *强调*")
        try workspace.write(text, to: "hostile.txt")
        let imported = try PortalGen.run(["import", "hostile.txt", "--published", "2025-01-20", "--index-number", "X"], in: workspace.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let build = try workspace.build()
        #expect(build.status == 0, "\(build.stderr)")
        let html = removingThemeScripts(
            from: try String(contentsOf: workspace.url.appendingPathComponent("Output/2024/huazhuang/index.html"), encoding: .utf8))
        #expect(!html.contains("<script") && !html.contains("<img src=x") && !html.contains("href=\"javascript"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as the text it was")
        #expect(html.contains("*强调*"), "Markdown characters in imported text stay literal")
    }
}
