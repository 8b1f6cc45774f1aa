import Foundation
import Testing

/// The example portal as built for phones (docs/themes.md, Tables): each figure carries its column
/// label, the township chart is one small SVG per figure, dates say what they are, the sample banner
/// sits in the header, and a saved report page still imports with its figures.
@Suite(.serialized) struct PhoneLayoutSiteTests {
    static func built() throws -> (workspace: Workspace, files: [String: String]) {
        let workspace = try Workspace()
        let outcome = try workspace.build(content: PortalGen.repositoryRoot.appendingPathComponent("Content").path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return (workspace, snapshot(workspace.url.appendingPathComponent("Output")).mapValues { String(decoding: $0, as: UTF8.self) })
    }

    @Test func theSiteIsMadeForPhones() throws {
        let (workspace, files) = try Self.built()
        _ = workspace
        let report = try #require(files["2024/donghu/index.html"])
        #expect(
            report.contains(
                "<td headers=\"t3-N t3-business t3-legal t3-applicant\">0<span class=\"cell-label\" aria-hidden=\"true\">申请人情况·法人或其他组织·商业企业</span></td>"
            ))
        #expect(report.contains("<span class=\"cell-label\" aria-hidden=\"true\">行政诉讼·复议后起诉·总计</span></td>"))
        // 北岭乡 2022 left 95 cells of T3 blank: each says 未填写 (shown on phones).
        let blank = try #require(files["2022/beilingxiang/index.html"])
        #expect(blank.components(separatedBy: "class=\"blank\"><span class=\"blank-text\">未填写</span><span class=\"cell-label\"").count - 1 == 95)

        // The township chart: five small charts, each an image with its title, text 15 px and up.
        let township = try #require(files["donghu/index.html"])
        #expect(township.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure-chart\" viewBox=\"0 0 280 ").count - 1 == 5)
        #expect(township.contains("role=\"img\" aria-labelledby=\"chart-1\">\n<title id=\"chart-1\">东湖镇历年新收申请：2022年2，2023年1，2024年3</title>"))
        let css = try #require(files["assets/style.css"])
        #expect(css.contains(".figure-chart { display: block; width: 17.5rem; max-width: 100%; height: auto; }"))
        // The body breaks a long run only where it cannot fit (`break-word`), never anywhere: the
        // 索引号 stays whole when it fits a line.
        let body = try #require(css.range(of: "\nbody {").map { css[$0.lowerBound...].prefix { $0 != "}" } })
        #expect(body.contains("overflow-wrap: break-word") && !body.contains("overflow-wrap: anywhere"))

        // Every date in the year and township lists carries its label for the phone's cards.
        for page in ["2024/index.html", "donghu/index.html"] {
            let html = try #require(files[page])
            let dates = html.components(separatedBy: "<time ").count - 1
            #expect(dates >= 3 && html.components(separatedBy: "发布日期：</span><time ").count - 1 == dates, "\(page)")
        }
        // The sample banner is inside the header landmark.
        let home = try #require(files["index.html"])
        #expect(home.contains("<header class=\"site-header\">\n<p class=\"sample-banner\" role=\"note\">"))
    }

    @Test func aSavedReportPageImportsWithItsFiguresNotItsLabels() throws {
        let (workspace, _) = try Self.built()
        let page = workspace.url.appendingPathComponent("Output/2024/donghu/index.html")
        let outcome = try PortalGen.run(
            ["import", page.path, "--content", PortalGen.repositoryRoot.appendingPathComponent("Content").path, "--force", "--dry-run"],
            in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("N:  [3, 0, 0, 0, 0, 0, 3]"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("D1: [1, 0, 0, 0, 0, 0, 1]"))
        #expect(outcome.stdout.contains("licensing: 23"))
    }
}
