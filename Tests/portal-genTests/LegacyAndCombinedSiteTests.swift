import Foundation
import Testing

@testable import PortalKit

/// The example portal's legacy report (城关镇 2016, `format: legacy`) and its 2021 report with
/// （六）其他处理 printed as one row (青石镇 2023), as the built site shows them.
@Suite(.serialized) struct LegacyAndCombinedSiteTests {
    static func built() throws -> [String: String] {
        let workspace = try Workspace()
        let outcome = try workspace.build(content: PortalGen.repositoryRoot.appendingPathComponent("Content").path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // A legacy report of 2016 is normal: no warning names it.
        #expect(!outcome.stderr.contains("2016/chengguan.md"), "\(outcome.stderr)")
        return snapshot(workspace.url.appendingPathComponent("Output")).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func theLegacyReportIsListedShownAsPublishedAndInNoCompilation() throws {
        let files = try Self.built()
        let page = try #require(files["2016/chengguan/index.html"])
        #expect(page.contains("本报告按2019年以前的格式编制，统计表照原文刊载。"))
        #expect(!page.contains("stat-table") && !page.contains("data.json"))
        #expect(page.components(separatedBy: "<table class=\"body-table\">").count == 3, "its two Markdown tables")
        #expect(page.contains("<tr><td>城镇建设、征地拆迁</td><td>47</td><td>30.1%</td></tr>"))
        for list in ["2016/index.html", "chengguan/index.html"] {
            let html = try #require(files[list])
            #expect(html.contains("2016/chengguan/index.html") || html.contains("chengguan/index.html\">示例县城关镇人民政府2016年"), "\(list)")
            #expect(html.contains("示例县城关镇人民政府2016年政府信息公开工作年度报告</a> <span class=\"format-note\">（旧格式）</span>"), "\(list)")
        }
        // Only legacy reports in 2016: no compilation page, and no link to one.
        #expect(files["2016/compilation/index.html"] == nil)
        #expect(try #require(files["2016/index.html"]).contains("compilation") == false)
        #expect(try #require(files["2022/index.html"]).contains("compilation/index.html"))
        // The supervision grid: published, 旧格式, not missing.
        let supervision = try #require(files["supervision/index.html"])
        #expect(supervision.contains("<li>旧格式 1 份</li>"))
        let cell = try #require(supervision.components(separatedBy: "<td").first { $0.contains("2016/chengguan/index.html") })
        #expect(cell.contains("state-legacy") && cell.contains("<span class=\"flag flag-legacy\">旧格式</span>") && cell.contains("已公开"))
        #expect(!cell.contains("未公开") && !cell.contains("未填写"))
        // Open data: its format, and no figures.
        let data = try JSONSerialization.jsonObject(with: Data(try #require(files["2016/chengguan/data.json"]).utf8)) as? [String: Any]
        #expect(data?["format"] as? String == "legacy")
        #expect(data?["tables"] is NSNull && data?["variant"] is NSNull)
        let csv = try #require(files["data/reports.csv"]).components(separatedBy: "\r\n")
        let row = try #require(csv.first { $0.hasPrefix("城关镇,示例县城关镇人民政府,2016,") })
        let fields = row.components(separatedBy: ",")
        #expect(fields[5] == "legacy")
        #expect(fields.count == csv[0].components(separatedBy: ",").count && fields.dropFirst(7).allSatisfy(\.isEmpty))
    }

    @Test func theCombinedReportShowsOneRowAndIsCompiledOnlyWithItsLikes() throws {
        let files = try Self.built()
        let page = try #require(files["2023/qingshi/index.html"])
        let tables = try HTMLTable.all(in: page)
        let t3 = try #require(tables["t3"])
        #expect(t3.cell("t3-F", "t3-results", "t3-total")?.text == "1")
        #expect(!page.contains("t3-F1") && page.contains("id=\"t3-F\""))
        #expect(page.components(separatedBy: "（六）其他处理").count == 2)
        // The 2023 compilation: 青石镇 in its own group; the 2021 group's F1–F3 hold only the others.
        let compilation = try #require(files["2023/compilation/index.html"])
        #expect(compilation.contains("2021年版格式，表三（六）其他处理印成一行：1份报告"))
        #expect(compilation.contains("<p>包括：青石镇。</p>"))
        #expect(compilation.contains("2021年版格式（国办公开办函〔2021〕30号）：5份报告"))
        let compiled = try HTMLTable.all(in: compilation)
        let combined = try #require(compiled["f2021-combined-t3"])
        #expect(combined.cell("f2021-combined-t3-F", "f2021-combined-t3-total")?.text == "1")
        #expect(combined.cell("f2021-combined-t3-N", "f2021-combined-t3-total")?.text == "4")
        let split = try #require(compiled["f2021-t3"])
        #expect(split.cell("f2021-t3-F3", "f2021-t3-total")?.text == "0")
        #expect(split.cell("f2021-t3-F", "f2021-t3-total") == nil, "no one-row F in the 2021 compilation")
        // Open data: the F columns filled, F1–F3 empty, the variant named in JSON.
        let data = try JSONSerialization.jsonObject(with: Data(try #require(files["2023/qingshi/data.json"]).utf8)) as? [String: Any]
        #expect(data?["format"] as? String == "2021" && data?["variant"] as? String == "combined")
        let t3JSON = (data?["tables"] as? [String: Any])?["t3"] as? [String: Any]
        #expect((t3JSON?["F"] as? [String: Any])?["total"] as? Int == 1 && t3JSON?["F1"] == nil)
        let csv = try #require(files["data/reports.csv"]).components(separatedBy: "\r\n")
        let header = csv[0].components(separatedBy: ",")
        let row = try #require(csv.first { $0.hasPrefix("青石镇,示例县青石镇人民政府,2023,") }).components(separatedBy: ",")
        let columns = Dictionary(uniqueKeysWithValues: OpenData.cellColumns.enumerated().map { ($0.element.name, $0.offset + 7) })
        #expect(header.count == row.count)
        let f = try #require(columns["t3_F_total"])
        let f1 = try #require(columns["t3_F1_total"])
        #expect(row[f] == "1" && row[f1] == "")
        let n = try #require(columns["t3_N_total"])
        #expect(row[n] == "4")
    }
}
