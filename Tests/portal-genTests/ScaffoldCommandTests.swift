import Foundation
import Testing
import Yams

@testable import PortalKit

/// `portal-gen init` and `portal-gen new`, run as the real executable: a new portal builds at once,
/// and a new report says exactly what is left to fill in.
@Suite struct ScaffoldCommandTests {
    static let options = [
        "--county", "示例县", "--host-organ", "示例县人民政府办公室", "--contact", "电话：0000-00000000",
        "--township", "城关镇", "--township", "东湖镇", "--township", "西山乡",
    ]

    /// A workspace holding a portal made by `init` in its folder `portal`.
    static func initialized(_ extra: [String] = []) throws -> (Workspace, URL) {
        let workspace = try Workspace()
        let made = try PortalGen.run(["init", "portal"] + options + extra, in: workspace.url)
        try #require(made.status == 0, "\(made.stdout)\(made.stderr)")
        return (workspace, workspace.url.appendingPathComponent("portal"))
    }

    static func lines(_ message: Message, _ language: Language = .chinese) -> String {
        message.text(language) + "\n"
    }

    @Test func initMakesAPortalThatBuildsAtOnceAndSaysNoReportIsPublished() throws {
        let (workspace, portal) = try Self.initialized()
        let made = try PortalGen.run(["init", "again"] + Self.options, in: workspace.url)
        #expect(
            made.stdout
                == Self.lines(
                    .initDone(
                        folder: "again", siteName: "示例县政府信息公开工作年度报告", townships: 3, firstTownship: "城关镇",
                        year: CalendarDate.today.year - 1, keptTheme: false)))
        #expect(made.stderr.isEmpty)
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: portal.appendingPathComponent("Content/reports/.gitkeep").path))
        #expect(fm.fileExists(atPath: portal.appendingPathComponent("Themes/default/templates/home.mustache").path))
        let ignore = try String(contentsOf: portal.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignore.contains("\n/Output/\n") && ignore.contains("\n/.Output.*\n"))

        // No --theme: the theme init wrote is found beside the content folder.
        let built = try PortalGen.run(["build"], in: portal)
        #expect(built.status == 0, "\(built.stderr)")
        let home = try String(contentsOf: portal.appendingPathComponent("Output/index.html"), encoding: .utf8)
        #expect(home.contains("<p class=\"empty\">暂无报告：本栏目尚未发布政府信息公开工作年度报告，发布后将在此列出。</p>"))
        #expect(home.contains("<title>示例县政府信息公开工作年度报告</title>"))
        #expect(!home.contains("共0份"))
        #expect(!fm.fileExists(atPath: portal.appendingPathComponent("Output/2025").path))
        let checked = try PortalGen.run(["check"], in: portal)
        #expect(checked.status == 0, "\(checked.stderr)")
    }

    @Test func initWithoutATerminalNamesEveryMissingOptionOnce() throws {
        let workspace = try Workspace()
        let none = try PortalGen.run(["init", "portal"], in: workspace.url)
        #expect(none.status == 2)
        #expect(none.stderr == Self.lines(.initMissingOptions([.county, .hostOrgan, .contact, .townships])))
        for option in ["--county", "--host-organ", "--contact", "--township"] { #expect(none.stderr.contains(option)) }
        #expect(none.stderr.contains("例如：\n  portal-gen init --county "))
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("portal").path))

        let some = try PortalGen.run(["init", "--county", "示例县", "--township", "城关镇", "--lang", "en"], in: workspace.url)
        #expect(some.status == 2)
        #expect(some.stderr == Self.lines(.initMissingOptions([.hostOrgan, .contact]), .english))
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Content").path))

        let language = try PortalGen.run(["init", "--lang", "fr"], in: workspace.url)
        #expect(language.status == 2)
        #expect(language.stderr.hasPrefix("错误: " + Message.languageInvalid(text: "fr").text(.chinese) + "\n"), "\(language.stderr)")
    }

    @Test func initRefusesAFolderThatHasAPortal() throws {
        let (workspace, portal) = try Self.initialized()
        let settings = portal.appendingPathComponent("Content/portal.yml")
        let before = try Data(contentsOf: settings)
        let again = try PortalGen.run(["init", "portal", "--county", "别的县"], in: workspace.url)
        #expect(again.status == 1)
        #expect(again.stderr == "错误: " + Self.lines(.initPortalExists(settings: "portal/Content/portal.yml")))
        #expect(try Data(contentsOf: settings) == before)
        let inside = try PortalGen.run(["init"] + Self.options, in: portal)
        #expect(inside.status == 1)
        #expect(inside.stderr == "错误: " + Self.lines(.initPortalExists(settings: "Content/portal.yml")))
    }

    /// Values with YAML's special characters read back as typed, and reach the pages escaped.
    @Test func valuesWithYAMLSpecialCharactersRoundTrip() throws {
        let county = "测试: 县 #1 \"甲\" & 'b' \\"
        let contact = "电话: 0000 # 转 8; [值班] {全天}"
        let workspace = try Workspace()
        let made = try PortalGen.run(
            ["init", "--county", county, "--host-organ=- 办公室", "--contact", contact, "--township", "城关镇"], in: workspace.url)
        try #require(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOf: workspace.url.appendingPathComponent("Content/portal.yml"), encoding: .utf8)
        let settings = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(settings["county"] as? String == county)
        #expect(settings["contact"] as? String == contact)
        #expect(settings["host_organ"] as? String == "- 办公室")
        #expect(settings["site_name"] as? String == county + "政府信息公开工作年度报告")
        let townships = try #require(settings["townships"] as? [[String: Any]])
        #expect(townships.first?["organ"] as? String == county + "城关镇人民政府")
        #expect(townships.first?["slug"] as? String == "chengguanzhen")

        let built = try PortalGen.run(["build"], in: workspace.url)
        #expect(built.status == 0, "\(built.stderr)")
        let home = try String(contentsOf: workspace.url.appendingPathComponent("Output/index.html"), encoding: .utf8)
        #expect(home.contains("测试: 县 #1 &quot;甲&quot; &amp; &#39;b&#39; \\") || home.contains("测试: 县 #1 &quot;甲&quot; &amp; &#x27;b&#x27; \\"), "\(home)")
    }

    @Test func newWritesASkeletonThatCheckSaysWhatToFill() throws {
        let (workspace, portal) = try Self.initialized()
        defer { withExtendedLifetime(workspace) {} }
        let made = try PortalGen.run(["new", "--township", "西山乡", "--year", "2025"], in: portal)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout == Self.lines(.newWritten(path: "Content/reports/2025/xishanxiang.md", check: "portal-gen check")))
        #expect(made.stdout.contains("请填写发布日期和索引号，然后运行 portal-gen check"))
        let file = portal.appendingPathComponent("Content/reports/2025/xishanxiang.md")
        let text = try String(contentsOf: file, encoding: .utf8)

        // Every key is there; only the ones known are filled in.
        let parts = text.components(separatedBy: "---\n")
        try #require(parts.count >= 3)
        let front = try #require(try Yams.load(yaml: parts[1]) as? [String: Any?])
        #expect(Set(front.keys) == Set(ReportSource.keys))
        #expect(front["title"] as? String == "示例县西山乡人民政府2025年政府信息公开工作年度报告")
        #expect(front["township"] as? String == "西山乡")
        #expect(front["year"] as? Int == 2025)
        #expect(front["format"] as? Int == 2021)
        for key in ["published", "written", "index_number", "issuer", "document_number", "attachments"] {
            // Written with nothing after the colon: YAML's null.
            #expect(front.keys.contains(key) && front[key].flatMap { $0 } is NSNull, "\(key)")
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(key + ":") })
            #expect(line.contains("# "), "\(key) has no comment")
        }
        #expect(text.contains("published:        # 发布日期（必填），写成 2026-01-20"))
        // The tables are all zeros, in the schema's layout.
        for spec in StatisticsSchema.tables(for: .v2021) {
            let table = try #require(front[spec.key] as? [String: Any], "\(spec.key)")
            #expect(table.count == spec.rows.count, "\(spec.key)")
            for row in spec.rows {
                let cells = (table[row.key] as? [Int]) ?? (table[row.key] as? Int).map { [$0] }
                #expect(cells == Array(repeating: 0, count: row.columns.count), "\(spec.key).\(row.key)")
            }
        }
        // The six headings, in order, and the fixed subsections of 一.
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings.map { String($0.dropFirst(3)) } == ReportSection.allCases.map(\.heading))
        #expect(headings.first == "## 一、总体情况" && headings.last == "## 六、其他需要报告的事项")
        for subheading in ReportSection.overview.subheadings { #expect(text.contains("\n### \(subheading)\n\n（请填写")) }

        // check names exactly the two keys still to fill, at their lines (errors), and each
        // placeholder of the text still to write (warnings).
        let checked = try PortalGen.run(["check", "--format", "json"], in: portal)
        #expect(checked.status == 1)
        let all = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [[String: Any]])
        let findings = all.filter { $0["severity"] as? String == "error" }
        let placeholders = text.components(separatedBy: "\n").enumerated().filter { $0.element.hasPrefix(ReportSection.placeholderOpening) }.map {
            $0.offset + 1
        }
        #expect(all.filter { $0["severity"] as? String == "warning" }.map { $0["line"] as? Int } == placeholders && !placeholders.isEmpty)
        #expect(all.filter { $0["severity"] as? String == "warning" }.allSatisfy { $0["message_id"] as? String == "placeholderLeft" })
        #expect(findings.map { $0["message_id"] as? String } == ["valueToFill", "valueToFill"])
        #expect(findings.map { $0["line"] as? Int } == [5, 7])
        #expect(
            findings.map { $0["message"] as? String } == [
                Message.valueToFill(key: "published", label: "发布日期").text(.chinese),
                Message.valueToFill(key: "index_number", label: "索引号").text(.chinese),
            ])
        let words = try PortalGen.run(["check"], in: portal)
        #expect(words.stdout.contains("Content/reports/2025/xishanxiang.md:5:1: 错误: `published`（发布日期）还没有填写"))

        // Filled in, it passes and is published.
        let filled = text.replacingOccurrences(of: "\npublished:", with: "\npublished: 2026-01-20")
            .replacingOccurrences(of: "\nindex_number:", with: "\nindex_number: 11419999MB0000003C/2026-00001")
        try Data(filled.utf8).write(to: file)
        let passed = try PortalGen.run(["check"], in: portal)
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect(passed.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix(Message.placeholderLeft.text(.chinese)) }, "only the text still to write")
        let built = try PortalGen.run(["build"], in: portal)
        #expect(built.status == 0, "\(built.stderr)")
        let page = try String(contentsOf: portal.appendingPathComponent("Output/2025/xishanxiang/index.html"), encoding: .utf8)
        #expect(page.contains("<h1>示例县西山乡人民政府2025年政府信息公开工作年度报告</h1>"))
        #expect(page.contains("<h2>六、其他需要报告的事项</h2>"))
        #expect(page.contains("本报告为零报告"))
    }

    @Test func newRefusesToOverwriteAReport() throws {
        let (workspace, portal) = try Self.initialized()
        defer { withExtendedLifetime(workspace) {} }
        #expect(try PortalGen.run(["new", "--township", "城关镇", "--year", "2024"], in: portal).status == 0)
        let file = portal.appendingPathComponent("Content/reports/2024/chengguanzhen.md")
        try Data("我改过了".utf8).write(to: file)
        let again = try PortalGen.run(["new", "--township", "城关镇", "--year", "2024"], in: portal)
        #expect(again.status == 1)
        #expect(again.stderr == "错误: " + Self.lines(.newReportExists(path: "Content/reports/2024/chengguanzhen.md")))
        #expect(again.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == "我改过了")
    }

    @Test func newWithAnUnknownTownshipListsTheClosestNames() throws {
        let (workspace, portal) = try Self.initialized()
        defer { withExtendedLifetime(workspace) {} }
        let unknown = try PortalGen.run(["new", "--township", "城关", "--year", "2025"], in: portal)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "错误: " + Self.lines(.newUnknownTownship("城关", closest: ["城关镇", "东湖镇", "西山乡"])))
        #expect(unknown.stderr.contains("最接近的是：城关镇"))
        #expect(!FileManager.default.fileExists(atPath: portal.appendingPathComponent("Content/reports/2025").path))
    }

    @Test func newExplainsMissingOptionsBadYearsAndAMissingPortal() throws {
        let (workspace, portal) = try Self.initialized()
        let missing = try PortalGen.run(["new", "--year", "2025"], in: portal)
        #expect(missing.status == 2)
        #expect(
            missing.stderr
                == "错误: "
                + Self.lines(.newMissingOptions([.township], example: "portal-gen new --township 城关镇 --year \(CalendarDate.today.year - 1)")))
        let year = try PortalGen.run(["new", "--township", "城关镇", "--year", "二〇二五"], in: portal)
        #expect(year.status == 2)
        #expect(year.stderr == "错误: " + Self.lines(.newInvalidYear("二〇二五")))
        let current = CalendarDate.today.year
        let unfinished = try PortalGen.run(["new", "--township", "城关镇", "--year", String(current), "--lang", "en"], in: portal)
        #expect(unfinished.status == 2)
        #expect(unfinished.stderr == "error: " + Self.lines(.newYearNotEnded(year: current, current: current), .english))
        let elsewhere = try PortalGen.run(["new", "--township", "城关镇", "--year", "2025"], in: workspace.url)
        #expect(elsewhere.status == 2)
        #expect(elsewhere.stderr == "错误: " + Self.lines(.newNoSettings(settings: "Content/portal.yml")))
        let content = try PortalGen.run(["new", "--township", "东湖镇", "--year", "2025", "--content", "portal/Content"], in: workspace.url)
        #expect(content.status == 0, "\(content.stderr)")
        #expect(
            content.stdout
                == Self.lines(.newWritten(path: "portal/Content/reports/2025/donghuzhen.md", check: "portal-gen check --content portal/Content")))
    }

    /// The questions, asked on a real pseudo-terminal (through python3's pty module).
    @Test(.enabled(if: ScaffoldCommandTests.python != nil)) func initAsksOnATerminalForWhatIsMissing() throws {
        let workspace = try Workspace()
        let answers = ["示例县人民政府办公室", "", "电话：0000", "", "城关镇", "东湖镇", "城关镇", "西山乡", ""]
        let asked = try Self.onTerminal(["init", "新门户", "--county", "示例县"], answers: answers, in: workspace.url)
        #expect(asked.status == 0, "\(asked.output)")
        for message in [
            Message.askIntro, .askHostOrgan(county: "示例县"), .askRequired, .askContact,
            .askSiteName(suggested: "示例县政府信息公开工作年度报告"), .askTownshipsIntro, .askTownship(number: 4),
            .askTownshipRepeated("城关镇"),
        ] {
            #expect(asked.output.contains(message.text(.chinese)), "\(message)")
        }
        #expect(!asked.output.contains(Message.askCounty.text(.chinese)))
        #expect(asked.output.contains("已新建门户“示例县政府信息公开工作年度报告”（3 个乡镇），位于 新门户："))
        let text = try String(contentsOf: workspace.url.appendingPathComponent("新门户/Content/portal.yml"), encoding: .utf8)
        let settings = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(settings["contact"] as? String == "电话：0000")
        #expect(settings["site_name"] as? String == "示例县政府信息公开工作年度报告")
        #expect((settings["townships"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["城关镇", "东湖镇", "西山乡"])
        #expect(try PortalGen.run(["build"], in: workspace.url.appendingPathComponent("新门户")).status == 0)

        // Ctrl-D cancels, and nothing is written.
        let cancelled = try Self.onTerminal(["init", "取消的门户"], answers: ["示例县"], endOfInput: true, in: workspace.url)
        #expect(cancelled.status == 1)
        #expect(cancelled.output.contains(Message.initCancelled.text(.chinese)))
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("取消的门户").path))
    }

    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs portal-gen on a pseudo-terminal, typing `answers` (and Ctrl-D after them with
    /// `endOfInput`); returns everything the terminal showed.
    static func onTerminal(_ arguments: [String], answers: [String], endOfInput: Bool = false, in directory: URL) throws -> (
        status: Int32, output: String
    ) {
        let script = """
            import os, pty, sys
            answers, eof, command = sys.argv[1], sys.argv[2] == "1", sys.argv[3:]
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(command[0], command)
            os.write(fd, answers.encode())
            if eof:
                os.write(fd, b"\\x04")
            output = b""
            while True:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                output += chunk
            _, status = os.waitpid(pid, 0)
            sys.stdout.write(output.decode("utf-8", "replace"))
            sys.exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 99)
            """
        let typed = answers.map { $0 + "\n" }.joined()
        let outcome = try PortalGen.run(
            ["-c", "exec \"$@\"", "bash", python!, "-c", script, typed, endOfInput ? "1" : "0", PortalGen.executable.path] + arguments,
            in: directory, shell: true)
        return (outcome.status, outcome.stdout.replacingOccurrences(of: "\r\n", with: "\n"))
    }
}
