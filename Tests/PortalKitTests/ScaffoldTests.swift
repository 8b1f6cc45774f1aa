import Foundation
import Testing

@testable import PortalKit

/// The pieces of `portal-gen init` and `portal-gen new` that need no executable: the embedded
/// theme, the settings text, the questions and the report skeleton.
@Suite struct ScaffoldTests {
    /// The theme compiled into portal-gen is exactly Themes/default, file for file and byte for byte.
    @Test func theEmbeddedThemeIsThemesDefault() throws {
        let folder = Repository.defaultTheme.standardizedFileURL.resolvingSymlinksInPath()
        let onDisk = Theme.files(under: folder).map { url in
            DefaultTheme.File(path: String(url.path.dropFirst(folder.path.count + 1)), bytes: Array(try! Data(contentsOf: url)))
        }
        #expect(DefaultTheme.files.map(\.path) == onDisk.map(\.path))
        #expect(DefaultTheme.files == onDisk)
        #expect(DefaultTheme.files.contains { $0.path == "templates/home.mustache" })
    }

    /// Whatever is typed reads back from portal.yml exactly as typed.
    @Test(arguments: [
        "示例县", "测试: 县 #1", "#开头", "- 开头", "a\"b\\c", "电话：\" &x *y", "true", "0123", "[数组]", "{映射}", "'单引号'", "% @ ` | >",
        "  前后空格会去掉  ",
    ])
    func everyValueRoundTrips(_ value: String) throws {
        let scaffold = PortalScaffold(county: value, hostOrgan: value, contact: value, townships: [.init(name: "城关镇", organ: value)])
        let (config, diagnostics) = parseSettings(scaffold.settingsText())
        let expected = YAMLFields.trimmed(value)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(config?.county == expected)
        #expect(config?.hostOrgan == expected)
        #expect(config?.contact == expected)
        #expect(config?.siteName == expected + "政府信息公开工作年度报告")
        #expect(config?.townships.first?.organ == expected)
    }

    @Test func townshipsKeepTheirOrderAndGetPinyinSlugsAndUsualOrgans() throws {
        let scaffold = PortalScaffold(
            county: "示例县", hostOrgan: "示例县人民政府办公室", siteName: "示例县政务公开", contact: "电话",
            townships: ["西山乡", "城关镇", "成关镇", "北门街道", "东湖镇=示例县东湖镇党委和政府"].map(PortalScaffold.Township.init(argument:)))
        let (config, diagnostics) = parseSettings(scaffold.settingsText())
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let townships = try #require(config?.townships)
        #expect(townships.map(\.name) == ["西山乡", "城关镇", "成关镇", "北门街道", "东湖镇"])
        #expect(townships.map(\.slug) == ["xishanxiang", "chengguanzhen", "chengguanzhen-2", "beimenjiedao", "donghuzhen"])
        #expect(townships.map(\.organ) == ["示例县西山乡人民政府", "示例县城关镇人民政府", "示例县成关镇人民政府", "示例县北门街道办事处", "示例县东湖镇党委和政府"])
        #expect(config?.siteName == "示例县政务公开")
        // Every key of the settings carries a comment in Chinese on the line above it.
        let lines = scaffold.settingsText().split(separator: "\n", omittingEmptySubsequences: false)
        for key in ["site_name", "county", "host_organ", "contact", "base_path", "deadline", "theme", "townships"] {
            let index = try #require(lines.firstIndex { $0.hasPrefix(key + ":") }, "\(key)")
            #expect(lines[index - 1].hasPrefix("# ") && lines[index - 1].unicodeScalars.contains { $0.value >= 0x4E00 }, "\(key)")
        }
        for key in PortalConfigLoader.keys + PortalConfigLoader.identityKeys + PortalConfigLoader.townshipKeys {
            #expect(scaffold.settingsText().contains(key), "\(key) is not explained")
        }
    }

    @Test func valuesThatCannotMakeAPortalAreProblemsWithoutALocation() {
        let repeated = PortalScaffold(county: "示例县", hostOrgan: "办公室", contact: "电话", townships: [.init(name: "城关镇"), .init(name: "城关镇")])
        #expect(!repeated.problems().isEmpty)
        let control = PortalScaffold(county: "示例\u{1B}县", hostOrgan: "办公室", contact: "电话", townships: [.init(name: "城关镇")])
        #expect(!control.problems().isEmpty)
        #expect(control.problems().allSatisfy { $0.location == nil })
        #expect(PortalScaffold(county: "示例县", hostOrgan: "办公室", contact: "电话", townships: [.init(name: "城关镇")]).problems().isEmpty)
    }

    @Test func missingListsEveryRequiredValue() {
        #expect(PortalScaffold().missing == [.county, .hostOrgan, .contact, .townships])
        #expect(PortalScaffold(county: " ", contact: "电话", townships: [.init(name: "")]).missing == [.county, .hostOrgan, .townships])
    }

    /// A scripted dialogue: answers in, prompts out.
    final class Dialogue {
        var answers: [String]
        var output = ""
        init(_ answers: [String]) { self.answers = answers }
        func questions(_ language: Language = .chinese) -> PortalQuestions {
            PortalQuestions(
                language: language, readLine: { self.answers.isEmpty ? nil : self.answers.removeFirst() }, write: { self.output += $0 })
        }
    }

    @Test func questionsAskOnlyForWhatIsMissingAndRepeatUntilAnswered() throws {
        let dialogue = Dialogue(["", "示例县人民政府办公室", "电话：0000", "", "城关镇", "东湖镇", "城关镇", "西山乡=示例县西山乡政府", ""])
        let given = PortalScaffold(county: "示例县")
        let result = try #require(dialogue.questions().complete(given))
        #expect(result.county == "示例县")
        #expect(result.hostOrgan == "示例县人民政府办公室")
        #expect(result.contact == "电话：0000")
        #expect(result.siteName == nil)
        #expect(result.townships == [.init(name: "城关镇"), .init(name: "东湖镇"), .init(name: "西山乡", organ: "示例县西山乡政府")])
        #expect(dialogue.answers.isEmpty)
        let expected = [
            Message.askIntro.text(.chinese) + "\n", Message.askHostOrgan(county: "示例县").text(.chinese), Message.askRequired.text(.chinese) + "\n",
            Message.askHostOrgan(county: "示例县").text(.chinese), Message.askContact.text(.chinese),
            Message.askSiteName(suggested: "示例县政府信息公开工作年度报告").text(.chinese), Message.askTownshipsIntro.text(.chinese) + "\n",
            Message.askTownship(number: 1).text(.chinese), Message.askTownship(number: 2).text(.chinese), Message.askTownship(number: 3).text(.chinese),
            Message.askTownshipRepeated("城关镇").text(.chinese) + "\n", Message.askTownship(number: 3).text(.chinese),
            Message.askTownship(number: 4).text(.chinese),
        ].joined()
        #expect(dialogue.output == expected)
        #expect(!dialogue.output.contains(Message.askCounty.text(.chinese)))
    }

    @Test func anEmptyLineBeforeAnyTownshipAsksAgainAndEndOfInputCancels() {
        let dialogue = Dialogue(["示例县", "办公室", "电话", "网站", ""])
        #expect(dialogue.questions(.english).complete(PortalScaffold()) == nil)
        #expect(dialogue.output.contains(Message.askTownshipRequired.text(.english)))
        let complete = PortalScaffold(county: "示例县", hostOrgan: "办公室", contact: "电话", townships: [.init(name: "城关镇")])
        let silent = Dialogue([])
        #expect(silent.questions().complete(complete) == complete)
        #expect(silent.output.isEmpty)
    }

    /// The skeleton parses once the two required values are filled in, with all-zero tables in the
    /// schema's layout and the six official headings.
    @Test func theReportSkeletonParsesOnceFilledIn() throws {
        let (config, _) = parseSettings(minimalSettings)
        let report = try ReportScaffold(config: try #require(config), township: "西山乡", year: 2025)
        #expect(report.relativePath == "reports/2025/xishanxiang.md")
        let text = report.text()
        let filled = text.replacingOccurrences(of: "\npublished:", with: "\npublished: 2026-01-20")
            .replacingOccurrences(of: "\nindex_number:", with: "\nindex_number: X/2026-00001")
        let (source, diagnostics) = parseReport(filled)
        // What is left is the text to write: one warning per placeholder, at its line.
        let placeholders = filled.components(separatedBy: "\n").enumerated().filter { $0.element.hasPrefix(ReportSection.placeholderOpening) }.map {
            $0.offset + 1
        }
        #expect(diagnostics.map(\.message) == Array(repeating: .placeholderLeft, count: placeholders.count), "\(diagnostics)")
        #expect(diagnostics.map { $0.location?.line ?? 0 } == placeholders && !placeholders.isEmpty)
        let parsed = try #require(source)
        #expect(parsed.title == "测试县西山乡人民政府2025年政府信息公开工作年度报告")
        #expect(parsed.issuer == nil && parsed.written == nil && parsed.documentNumber == nil)
        let statistics = try #require(parsed.statistics)
        #expect(statistics.format == .v2021 && statistics.isZeroReport)
        #expect(statistics.tables.map(\.spec) == StatisticsSchema.tables(for: .v2021))
        for table in statistics.tables {
            #expect((0..<table.spec.cellCount).allSatisfy { table[cell: $0] == .zero })
        }
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        #expect(headings == ReportSection.allCases.map(\.heading))
        for subheading in ReportSection.overview.subheadings { #expect(text.contains("\n### \(subheading)\n")) }
        #expect(TableID.t3.heading == "三、收到和处理政府信息公开申请情况")
    }

    @Test func anUnknownTownshipListsTheClosestNames() throws {
        let (config, _) = parseSettings(minimalSettings)
        #expect {
            try ReportScaffold(config: config!, township: "花庄", year: 2025)
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.map(\.message) == [.newUnknownTownship("花庄", closest: ["花庄镇", "东城镇", "西山乡"])]
        }
    }
}
