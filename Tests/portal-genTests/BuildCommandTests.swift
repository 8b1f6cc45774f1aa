import Foundation
import Testing

@testable import PortalKit

/// End-to-end behaviour of `portal-gen build` on small portals written by each test.
@Suite struct BuildCommandTests {
    @Test func buildsTheRealSampleReport() throws {
        let workspace = try Workspace()
        let fixture = PortalGen.repositoryRoot.appendingPathComponent("Tests/Fixtures/huazhuang/Content").path
        let outcome = try workspace.build(content: fixture)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let page = workspace.url.appendingPathComponent("Output/2024/huazhuangzhen/index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<h1>遂平县花庄镇人民政府2024年政府信息公开工作年度报告</h1>"))
        #expect(html.contains("<dt>发布机构</dt><dd>遂平县花庄镇人民政府</dd>"))
        #expect(html.contains("<dt>文号</dt><dd>无</dd>"))
        #expect(html.contains("<h2>五、存在的主要问题及改进情况</h2>"))
        #expect(html.contains("<h3>（二）改进情况</h3>"))
        #expect(html.contains("<p>2024年未收取信息处理费。</p>"))
    }

    @Test func hostileValuesAreEscapedEverywhere() throws {
        let workspace = try Workspace()
        let settings =
            minimalSettings
            .replacingOccurrences(of: "site_name: 测试县政府信息公开工作年度报告", with: "site_name: \"<script>alert('site')</script>\"")
            .replacingOccurrences(of: "contact: 电话 0000-0000000", with: "contact: \"<img src=x onerror=alert(1)>\"")
            .replacingOccurrences(of: "organ: 测试县花庄镇人民政府", with: "organ: \"<b onmouseover=alert(2)>镇</b>\"")
        try workspace.write(settings, to: "Content/portal.yml")
        try workspace.write(
            reportText(
                title: "<script>alert('title')</script>",
                extra: "document_number: \"\\\"><svg onload=alert(3)>\"\n",
                body: "<script>alert(4)</script>\n\n<a href=\"javascript:alert(5)\">x</a>\n"), to: "Content/a.md")
        let outcome = try workspace.build()
        try #require(outcome.status == 0, "\(outcome.stderr)")
        for (path, data) in snapshot(workspace.url.appendingPathComponent("Output")) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = removingThemeScripts(from: String(decoding: data, as: UTF8.self))
            #expect(!text.contains("<script"), "\(path)")
            #expect(!text.contains("<img src=x"), "\(path)")
            #expect(!text.contains("<b onmouseover"), "\(path)")
            #expect(!text.contains("<svg onload"), "\(path)")
            #expect(!text.contains("javascript:"), "\(path)")
        }
        let html = try String(contentsOf: workspace.url.appendingPathComponent("Output/2024/huazhuang/index.html"), encoding: .utf8)
        #expect(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;svg onload=alert(3)&gt;"))
    }

    @Test func everyProblemIsReportedWithFileAndLineAndNothingIsWritten() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        try workspace.write(reportText(extra: "issuerr: x\n"), to: "Content/reports/a.md")
        try workspace.write(reportText(township: "不存在镇", year: 2023, published: "2024-02-30"), to: "Content/reports/b.md")
        try workspace.write("no front matter\n", to: "Content/reports/c.md")
        let outcome = try workspace.build()
        #expect(outcome.status == 1)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(
            outcome.stderr.shows(
                .error, .unknownKey(key: "issuerr", part: .frontMatter, suggestion: "issuer", known: ReportSource.keys), at: "Content/reports/a.md", line: 7))
        #expect(
            outcome.stderr.shows(.error, .dateNotReal(key: "published", label: "发布日期", text: "2024-02-30"), at: "Content/reports/b.md", line: 5, column: 12))
        #expect(outcome.stderr.shows(.error, .frontMatterAbsent(fileIsEmpty: false), at: "Content/reports/c.md", line: 1))
        #expect(lines.last == Message.buildFailed(errors: 3).text(.chinese))
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Output").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func failedBuildLeavesThePreviousOutputByteIdentical() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        try workspace.write(reportText(), to: "Content/reports/a.md")
        #expect(try workspace.build().status == 0)
        let output = workspace.url.appendingPathComponent("Output")
        let before = snapshot(output)
        #expect(before.count > 5)

        let broken = reportText(township: "东城镇", body: "见[附件](missing.pdf)。\n")
        try workspace.write(broken, to: "Content/reports/b.md")
        let line = try #require(broken.components(separatedBy: "\n").firstIndex { $0.contains("missing.pdf") }) + 1
        let failed = try workspace.build()
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("Content/reports/b.md:\(line):1: 错误: ") && failed.stderr.shows { .linkBroken(url: "missing.pdf", target: $0) })
        #expect(snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.hasPrefix(".") && $0 != ".Output.lock" }
        #expect(leftovers.isEmpty, "staging folders are removed (the lock file stays): \(leftovers)")

        try workspace.write(reportText(township: "东城镇"), to: "Content/reports/b.md")
        #expect(try workspace.build().status == 0)
        #expect(snapshot(output)["2024/dongcheng/index.html"] != nil)
    }

    @Test func refusesToReplaceFoldersItDidNotCreate() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        try workspace.write(reportText(), to: "Content/reports/a.md")
        try workspace.write("precious", to: "Mine/notes.txt")

        let intoForeign = try workspace.build(output: "Mine")
        #expect(intoForeign.status == 1)
        #expect(intoForeign.stderr.shows(.outputNotOurs(output: "Mine")))
        #expect(try String(contentsOf: workspace.url.appendingPathComponent("Mine/notes.txt"), encoding: .utf8) == "precious")

        let intoContent = try workspace.build(output: "Content")
        #expect(intoContent.status == 1)
        #expect(intoContent.stderr.shows { .outputWouldReplace(output: $0, folder: "Content") })
        let intoRoot = try workspace.build(output: ".")
        #expect(intoRoot.status == 1)
        let intoTheme = try workspace.build(output: Repository.defaultTheme.path)
        #expect(intoTheme.status == 1 && intoTheme.stderr.shows { .outputWouldReplace(output: $0, folder: $0) })
        let intoSlash = try workspace.build(output: "/")
        #expect(intoSlash.status == 1 && intoSlash.stderr.shows(.outputRefusedFolder(folder: "/")))
        let home = workspace.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let intoHome = try workspace.build(output: home.path, environment: ["HOME": home.path])
        #expect(
            intoHome.status == 1 && intoHome.stderr.shows(.outputRefusedFolder(folder: home.standardizedFileURL.resolvingSymlinksInPath().path)),
            "\(intoHome.stderr)")
        #expect(snapshot(workspace.url.appendingPathComponent("Content")).count == 2)
    }

    @Test func unsafeHTMLIsAnOptInThatWarnsOnEveryBuild() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings + "\nunsafe_html: true\n", to: "Content/portal.yml")
        try workspace.write(reportText(body: "<div class=\"note\">原样</div>\n"), to: "Content/a.md")
        let outcome = try workspace.build()
        #expect(outcome.status == 0)
        #expect(outcome.stderr.shows(.warning, .unsafeHTMLEnabled, at: "Content/portal.yml", line: 1))
        let html = try String(contentsOf: workspace.url.appendingPathComponent("Output/2024/huazhuang/index.html"), encoding: .utf8)
        #expect(html.contains("<div class=\"note\">原样</div>"))
    }

    @Test func outputDoesNotDependOnTheTimeZone() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        try workspace.write(reportText(published: "2025-01-01"), to: "Content/a.md")
        #expect(try workspace.build(output: "LA", environment: ["TZ": "America/Los_Angeles"]).status == 0)
        #expect(try workspace.build(output: "SH", environment: ["TZ": "Asia/Shanghai"]).status == 0)
        // The build's own records hold file stamps (inode, time), which differ between any two builds.
        func site(_ folder: String) -> [String: Data] {
            snapshot(workspace.url.appendingPathComponent(folder)).filter { $0.key != ".portal-gen-manifest" && $0.key != ".portal-gen-cache" }
        }
        let la = site("LA")
        let sh = site("SH")
        #expect(la == sh)
        let html = String(decoding: la["2024/huazhuang/index.html"] ?? Data(), as: UTF8.self)
        #expect(html.contains("<time datetime=\"2025-01-01\">2025年1月1日</time>"))
        #expect(html.contains("<meta name=\"PubDate\" content=\"2025-01-01 00:00\">"))
    }

    @Test func helpDocumentsEveryOption() throws {
        let outcome = try PortalGen.run(["build", "--help"], in: PortalGen.repositoryRoot)
        #expect(outcome.status == 0)
        for option in ["--content", "--theme", "--output"] {
            #expect(outcome.stdout.contains(option))
        }
        let version = try PortalGen.run(["--version"], in: PortalGen.repositoryRoot)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil)
    }

    @Test func missingContentFolderIsAClearError() throws {
        let workspace = try Workspace()
        let outcome = try workspace.build(content: "Nowhere")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.shows(.contentFolderMissing(folder: "Nowhere")))
    }
}

extension BuildCommandTests {
    /// Links in a report may lead to the site's own pages and files, to fragments, or to https:,
    /// http:, mailto: and tel: addresses; anything else is an error at its line (docs/security.md).
    @Test func linkTargetsOutsideThePolicyAreErrorsAtTheirLine() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        let refused = [
            "javascript:alert(1)", "JavaScript:alert(1)", "ftp://example.com/a", "//evil.example/x", "%6Aavascript:alert(1)",
            "data:text/html,x", "file:///etc/passwd", "\\\\evil.example\\x", "vbscript:x",
        ]
        let allowed = ["https://www.gov.cn/", "http://www.example.gov.cn/a", "mailto:xxgk@example.gov.cn", "tel:0000-0000000", "#top"]
        let body = (refused + allowed).map { "[链接](<\($0)>)\n" }.joined(separator: "\n")
        let file = try workspace.write(reportText(body: "## 一、总体情况\n\n" + body), to: "Content/a.md")
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let outcome = try workspace.build()
        #expect(outcome.status == 1)
        for link in refused {
            let line = try #require(lines.firstIndex { $0.contains("(<\(link)>)") }) + 1
            #expect(outcome.stderr.contains("Content/a.md:\(line):1: 错误: "), "\(link) refused at line \(line): \(outcome.stderr)")
        }
        for link in allowed {
            let line = try #require(lines.firstIndex { $0.contains("(<\(link)>)") }) + 1
            #expect(!outcome.stderr.contains("Content/a.md:\(line):"), "\(link) is allowed")
        }
        // Only what the policy allows: the same report without the refused links builds.
        try workspace.write(reportText(body: "## 一、总体情况\n\n" + allowed.map { "[链接](<\($0)>)\n" }.joined(separator: "\n")), to: "Content/a.md")
        #expect(try workspace.build().status == 0)
    }
}
