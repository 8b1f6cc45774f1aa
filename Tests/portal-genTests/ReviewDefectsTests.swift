import Foundation
import PortalKit
import Testing

/// The smaller defects found by the review of issue 12, each with the exact outcome it must have now.
@Suite struct ReviewDefectsTests {
    static func portal() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        return workspace
    }

    /// One report that cannot be read does not hide the findings of the others.
    @Test func checkListsTheFindingsOfEveryReportItCanRead() throws {
        let workspace = try Self.portal()
        try workspace.write(reportText().replacingOccurrences(of: "year: 2024", with: "year 2024"), to: "Content/a.md")
        try workspace.write(reportText(township: "东城镇", tables: tablesYAML(["J": "[1, 0, 0, 0, 0, 0, 1]"])), to: "Content/b.md")
        try workspace.write(reportText(township: "西山乡", tables: tablesYAML(["t4.R": "[1, 0, 0, 0, 2]"])), to: "Content/c.md")
        let outcome = try PortalGen.run(["check"], in: workspace.url)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("Content/a.md:"), "the unreadable report's error")
        #expect(outcome.stdout.contains("Content/b.md:") && outcome.stdout.showsRule(.t3Balance), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("Content/c.md:") && outcome.stdout.showsRule(.t4Results), "\(outcome.stdout)")
        #expect(
            outcome.stderr.contains(String(Message.checkSummary(reports: 2, errors: 0, warnings: 0).text(.chinese).prefix { $0 != "：" })), "\(outcome.stderr)")
    }

    /// A report imported with errors is written (so it can be corrected) but the import fails.
    @Test func importFailsWhenTheReportItWroteHasErrors() throws {
        let workspace = try ImportCommandTests.portal()
        let first = try PortalGen.run(
            [
                "import", ImportCommandTests.fixtures.appendingPathComponent("huazhuang-2024.txt").path,
                "--published", "2025-01-20", "--index-number", "同一个索引号",
            ], in: workspace.url)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try PortalGen.run(
            [
                "import", ImportCommandTests.fixtures.appendingPathComponent("huazhuang-2024.txt").path, "--township", "城关镇",
                "--published", "2025-01-20", "--index-number", "同一个索引号",
            ], in: workspace.url)
        #expect(second.status == 1, "\(second.stdout)\(second.stderr)")
        #expect(second.stdout.shows(.importWrote(path: "Content/reports/2024/chengguan.md")))
        #expect(second.stderr.shows(.indexNumberDuplicated(number: "同一个索引号", other: "Content/reports/2024/chengguan.md")), "\(second.stderr)")
        #expect(
            second.stderr.contains("错误: " + Message.importWroteWithErrors(path: "Content/reports/2024/chengguan.md", errors: 1).text(.chinese)),
            "\(second.stderr)")
    }

    /// A portal without reports builds a valid site that says so, and passes `check`.
    @Test func aPortalWithoutReportsBuildsASiteSayingSo() throws {
        let workspace = try Self.portal()
        let built = try workspace.build()
        #expect(built.status == 0, "\(built.stderr)")
        let home = try String(contentsOf: workspace.url.appendingPathComponent("Output/index.html"), encoding: .utf8)
        #expect(home.contains("暂无报告"))
        #expect(!home.contains("supervision/index.html"))
        #expect(try PortalGen.run(["check"], in: workspace.url).status == 0)
    }

    /// Control characters in file names never reach the terminal or forge a message line.
    @Test func fileNamesInMessagesHaveTheirControlCharactersEscaped() throws {
        let workspace = try Self.portal()
        try workspace.write("---\ntitle: x\n", to: "Content/a\n错误: 伪造的一行.md")
        try workspace.write("---\ntitle: x\n", to: "Content/b\u{1B}[31m红.md")
        let outcome = try workspace.build()
        #expect(outcome.status == 1)
        #expect(!outcome.stderr.contains("\u{1B}"))
        #expect(!outcome.stderr.split(separator: "\n").contains { $0.hasPrefix("错误: 伪造的一行") })
        #expect(outcome.stderr.contains("Content/a\\u{A}错误: 伪造的一行.md:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("Content/b\\u{1B}[31m红.md:"), "\(outcome.stderr)")
    }

    /// Control and bidirectional override characters in text fields are refused at their line.
    @Test func controlAndBidiCharactersInTextFieldsAreRefused() throws {
        let workspace = try Self.portal()
        try workspace.write(reportText(title: "\"报告\\a标题\""), to: "Content/a.md")
        try workspace.write(reportText(township: "东城镇", extra: "document_number: \"东政\\e〔2025〕1号\"\n"), to: "Content/b.md")
        try workspace.write(reportText(township: "西山乡", title: "报告\u{202E}txt.exe"), to: "Content/c.md")
        let outcome = try workspace.build()
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.shows(
                .error, .hiddenCharacter(key: "title", label: "标题", position: 3, code: "U+0007", isDirectionControl: false), at: "Content/a.md", line: 2,
                column: 8), "\(outcome.stderr)")
        #expect(
            outcome.stderr.shows(
                .error, .hiddenCharacter(key: "document_number", label: "文号", position: 3, code: "U+001B", isDirectionControl: false), at: "Content/b.md",
                line: 7, column: 18), "\(outcome.stderr)")
        #expect(
            outcome.stderr.shows(
                .error, .hiddenCharacter(key: "title", label: "标题", position: 3, code: "U+202E", isDirectionControl: true), at: "Content/c.md", line: 2,
                column: 8), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("\u{202E}"))
    }

    /// `site_url` is an origin with an optional path, nothing else.
    @Test func siteURLMustBeAnOrigin() throws {
        for (value, valid) in [
            ("https://www.xx.gov.cn@evil.example", false), ("https://user:pw@www.xx.gov.cn", false), ("javascript:alert(1)", false),
            ("https://www.xx.gov.cn/?a=1", false), ("https://www.xx.gov.cn#x", false), ("https://www.xx.gov.cn:99999", false),
            ("https://www.xx.gov.cn/xxgk/ndbg/", true), ("http://www.xx.gov.cn:8080", true), ("https://www.xx.gov.cn", true),
        ] {
            let workspace = try Workspace()
            try workspace.write(minimalSettings + "\nsite_url: \"\(value)\"\n", to: "Content/portal.yml")
            try workspace.write(reportText(), to: "Content/a.md")
            let outcome = try workspace.build()
            #expect((outcome.status == 0) == valid, "\(value): \(outcome.stderr)")
            if !valid { #expect(outcome.stderr.shows(.siteURLInvalid), "\(value)") }
            if valid {
                let html = try String(contentsOf: workspace.url.appendingPathComponent("Output/index.html"), encoding: .utf8)
                #expect(!html.contains("evil"))
            }
        }
    }

    /// A folder of reports that is a link is named in a warning, and import never writes through it.
    @Test func linkedFoldersInTheContentAreNamedAndNeverWrittenThrough() throws {
        let workspace = try ImportCommandTests.portal()
        let outside = workspace.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: workspace.url.appendingPathComponent("Content/reports"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: workspace.url.appendingPathComponent("Content/reports/2024"), withDestinationURL: outside)
        let imported = try PortalGen.run(
            [
                "import", ImportCommandTests.fixtures.appendingPathComponent("huazhuang-2024.txt").path,
                "--published", "2025-01-20", "--index-number", "X",
            ], in: workspace.url)
        #expect(imported.status == 1)
        #expect(imported.stderr.shows(.importThroughLink(path: "Content/reports/2024")), "\(imported.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        let checked = try PortalGen.run(["check"], in: workspace.url)
        #expect(checked.stdout.shows(.warning, .symbolicLinkSkipped, at: "Content/reports/2024", line: 1), "\(checked.stdout)")
    }

    /// A theme folder reached through a link is used as the folder it points to.
    @Test func aThemeReachedThroughALinkIsUsed() throws {
        let workspace = try Self.portal()
        try workspace.write(reportText(), to: "Content/a.md")
        try FileManager.default.createDirectory(at: workspace.url.appendingPathComponent("Themes"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: workspace.url.appendingPathComponent("Themes/mine"), withDestinationURL: Repository.defaultTheme)
        let outcome = try PortalGen.run(["build", "--theme", "mine"], in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Output/assets/style.css").path))
    }

    /// A folder the walk cannot open is an error naming it, not a silent gap in the site.
    @Test func aFolderThatCannotBeOpenedIsReported() throws {
        let workspace = try Self.portal()
        try workspace.write(reportText(), to: "Content/a.md")
        // A path longer than the system allows (root can open any folder whatever its permissions).
        var descriptor = open(workspace.url.appendingPathComponent("Content").path, O_RDONLY | O_DIRECTORY)
        let component = String(repeating: "深", count: 80)
        for _ in 0..<20 {
            #expect(mkdirat(descriptor, component, 0o755) == 0)
            let next = openat(descriptor, component, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
        }
        close(descriptor)
        let outcome = try workspace.build()
        #expect(outcome.status == 1)
        #expect(outcome.stderr.shows(.folderUnreadable(reason: "File name too long")), "\(outcome.stderr)")
    }

    /// A saved page whose `<meta charset>` does not match its bytes is named as such.
    @Test func aPageWithAFalseCharsetIsNamedAsSuch() throws {
        let workspace = try ImportCommandTests.portal()
        let page = "<html><head><meta charset=\"CHARSET\"><title>示例县花庄镇人民政府2024年政府信息公开工作年度报告</title></head><body><p>一、总体情况</p></body></html>"
        // The page in GBK bytes, by the system's iconv (Foundation on Linux has no GBK).
        try workspace.write(page.replacingOccurrences(of: "CHARSET", with: "utf-8"), to: "page.html")
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = [
            "-f", "UTF-8", "-t", "GBK", "-o", workspace.url.appendingPathComponent("gbk.html").path, workspace.url.appendingPathComponent("page.html").path,
        ]
        try iconv.run()
        iconv.waitUntilExit()
        #expect(iconv.terminationStatus == 0)
        try workspace.write(page.replacingOccurrences(of: "CHARSET", with: "gbk"), to: "utf8.html")
        let mismatches: [(String, Message)] = [
            ("gbk.html", .htmlEncodingMismatch(declared: "UTF-8", actual: "GBK（GB18030）")),
            ("utf8.html", .htmlEncodingMismatch(declared: "GBK", actual: "UTF-8")),
        ]
        for (file, message) in mismatches {
            let outcome = try PortalGen.run(["import", file, "--published", "2025-01-20", "--index-number", "X"], in: workspace.url)
            #expect(outcome.status == 1)
            #expect(outcome.stderr.shows(.error, message, at: file, line: 1), "\(outcome.stderr)")
            #expect(!outcome.stderr.contains("encoding error"), "libxml2's own words are not shown")
        }
    }

    /// A page nested hundreds of levels deep is read in one pass (the hang guard is the only clock).
    @Test func aDeeplyNestedSavedPageIsRead() throws {
        let workspace = try ImportCommandTests.portal()
        let paragraph = "<p>" + String(repeating: "正文内容。", count: 20) + "</p>\n"
        let page =
            "<html><head><meta charset=\"utf-8\"></head><body>" + String(repeating: "<div>", count: 200)
            + "<h1>示例县花庄镇人民政府2024年政府信息公开工作年度报告</h1><p>一、总体情况</p>" + String(repeating: paragraph, count: 3300)
            + String(repeating: "</div>", count: 200) + "</body></html>"
        #expect(page.utf8.count > 1_000_000)
        try workspace.write(page, to: "deep.html")
        let outcome = try PortalGen.run(["import", "deep.html", "--published", "2025-01-20", "--index-number", "X", "--dry-run"], in: workspace.url)
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.shows(.error, .importTableMissing(table: "T2（二、主动公开政府信息情况）"), at: "deep.html", line: 1),
            "the page was read to its end: \(outcome.stderr)")
    }
}
