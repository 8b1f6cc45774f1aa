import Foundation
import PortalKit
import Testing

/// What a Chinese-speaking clerk meets on the command line: Chinese help, messages and fixes by
/// default, English on request, a mistyped command answered with the one meant, and import
/// asking for everything it needs at once.
@Suite struct ChineseFirstTests {
    static func portal() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        return workspace
    }

    @Test func helpIsChineseThroughout() throws {
        let workspace = try Self.portal()
        for arguments in [["--help"], ["build", "--help"], ["check", "--help"], ["import", "--help"], ["help", "build"]] {
            let outcome = try PortalGen.run(arguments, in: workspace.url, environment: ["LANG": "C.UTF-8"])
            #expect(outcome.status == 0, "\(arguments)")
            #expect(outcome.stdout.contains("用法："), "\(arguments): \(outcome.stdout)")
            for english in ["USAGE:", "OPTIONS:", "Show help information", "The content folder"] {
                #expect(!outcome.stdout.contains(english), "\(arguments) shows `\(english)`")
            }
        }
        let root = try PortalGen.run(["--help"], in: workspace.url)
        for command in ["init", "new", "import", "check", "serve", "build"] {
            #expect(root.stdout.contains("  \(command) "), "the root help lists \(command)")
        }
    }

    @Test func aMistypedCommandIsAnsweredWithTheOneMeant() throws {
        let workspace = try Self.portal()
        let outcome = try PortalGen.run(["biuld"], in: workspace.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.shows { .commandUnknown(given: "biuld", suggestion: "build", commands: [$0]) })
        let far = try PortalGen.run(["publish"], in: workspace.url)
        #expect(far.status == 2 && far.stderr.shows { .commandUnknown(given: "publish", suggestion: nil, commands: [$0]) })
    }

    @Test func usageErrorsAreChinese() throws {
        let workspace = try Self.portal()
        let missing = try PortalGen.run(["import"], in: workspace.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("错误: 缺少参数"), "\(missing.stderr)")
        let date = try PortalGen.run(["import", "x.docx", "--published", "2025/1/5"], in: workspace.url)
        #expect(date.status == 2)
        #expect(date.stderr.shows(.optionDateInvalid(option: "--published", text: "2025/1/5", suggestion: "2025-01-05")))
    }

    @Test func englishIsThereForDevelopers() throws {
        let workspace = try Self.portal()
        try workspace.write(reportText(published: "2025/01/20"), to: "Content/a.md")
        let message = Message.dateWrongForm(key: "published", label: "发布日期", text: "2025/01/20", date: "2025-01-20")
        let chinese = try PortalGen.run(["check"], in: workspace.url, environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": ""])
        #expect(chinese.stdout.shows(.error, message, at: "Content/a.md", line: 5, column: 12))
        for (arguments, environment) in [
            (["check", "--lang", "en"], ["LANG": "zh_CN.UTF-8"]), (["check"], ["LANG": "en_US.UTF-8", "LC_ALL": ""]),
            (["check"], ["PORTAL_GEN_LANG": "en"]),
        ] {
            let english = try PortalGen.run(arguments, in: workspace.url, environment: environment)
            #expect(english.stdout.contains("Content/a.md:5:12: error: " + message.text(.english)), "\(arguments) \(environment): \(english.stdout)")
            #expect(english.stderr.shows(.checkSummary(reports: 0, errors: 1, warnings: 0), in: .english))
        }
    }

    /// The progress line is for terminals (it needs 200 reports or more to be drawn at all); a log
    /// gets the summary alone.
    @Test func noProgressLineWhenNotATerminal() throws {
        let workspace = try Workspace()
        let names = (1...20).map { "第\($0)镇" }
        var settings = minimalSettings.components(separatedBy: "townships:")[0] + "townships:\n"
        for (index, name) in names.enumerated() { settings += "  - name: \(name)\n    organ: 测试县\(name)人民政府\n    slug: t\(index)\n" }
        try workspace.write(settings, to: "Content/portal.yml")
        for (index, name) in names.enumerated() {
            for year in 2013...2024 {
                try workspace.write(reportText(township: name, year: year, index: "\(index)/\(year)"), to: "Content/\(index)-\(year).md")
            }
        }
        let outcome = try workspace.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("已构建 240 份报告："))
        let progressWords = Message.progress(step: .build, done: 1, total: 240).text(.chinese).components(separatedBy: "240")[1]
        #expect(!outcome.stderr.contains("\r") && !outcome.stderr.contains(progressWords), "\(outcome.stderr)")
    }

    @Test func importReadsTheDetailsTheDocumentStates() throws {
        let workspace = try Self.portal()
        let text = """
            测试县花庄镇人民政府2024年政府信息公开工作年度报告
            索引号：11419999MB0000002B/2025-00007    发布日期：2025年1月20日
            文号：花政〔2025〕2号
            一、总体情况
            正文。
            二、主动公开政府信息情况
            三、收到和处理政府信息公开申请情况
            四、政府信息公开行政复议、行政诉讼情况
            """
        try workspace.write(text, to: "delivered.txt")
        let outcome = try PortalGen.run(["import", "delivered.txt", "--partial"], in: workspace.url)
        let written = try String(contentsOf: workspace.url.appendingPathComponent("Content/reports/2024/huazhuang.md"), encoding: .utf8)
        #expect(written.contains("\npublished: 2025-01-20\n"), "\(outcome.stderr)")
        #expect(written.contains("\nindex_number: 11419999MB0000002B/2025-00007\n"))
        #expect(written.contains("\ndocument_number: 花政〔2025〕2号\n"))
        #expect(!written.contains("索引号："), "the details are not left in the narrative")
    }

    @Test func importAsksForEverythingMissingAtOnce() throws {
        let workspace = try Self.portal()
        try workspace.write("年度报告\n一、总体情况\n正文。\n", to: "bare.txt")
        let outcome = try PortalGen.run(["import", "bare.txt"], in: workspace.url)
        #expect(outcome.status == 1)
        let lines = outcome.stderr.split(separator: "\n").filter { $0.contains("bare.txt:1:1: 错误: ") }
        #expect(lines.count == 1, "one message: \(outcome.stderr)")
        #expect(outcome.stderr.shows { .importDetailsMissing(details: [.township, .year, .published, .indexNumber], command: $0) })
        #expect(outcome.stderr.contains("`portal-gen import bare.txt --township "), "a command to copy: \(outcome.stderr)")
        for option in ["--township", "--year", "--published", "--index-number"] { #expect(outcome.stderr.contains(option)) }
    }
}
