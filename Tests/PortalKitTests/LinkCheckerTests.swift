import Testing
@testable import PortalKit

@Suite struct LinkCheckerTests {
    @Test func resolvesRelativeAndBasePathLinks() {
        let page = "2024/huazhuang/index.html"
        #expect(LinkChecker.resolve("../../index.html", from: page, basePath: "/x/") == "index.html")
        #expect(LinkChecker.resolve("../index.html#top", from: page, basePath: "/x/") == "2024/index.html")
        #expect(LinkChecker.resolve("files/a%20b.pdf", from: page, basePath: "/x/") == "2024/huazhuang/files/a b.pdf")
        #expect(LinkChecker.resolve("/x/2023/", from: page, basePath: "/x/") == "2023/index.html")
        #expect(LinkChecker.resolve("../../../../etc/passwd", from: page, basePath: "/x/")?.hasPrefix("../") == true)
        #expect(LinkChecker.resolve("https://example.gov.cn/a", from: page, basePath: "/x/") == nil)
        #expect(LinkChecker.resolve("mailto:a@b.c", from: page, basePath: "/x/") == nil)
        #expect(LinkChecker.resolve("#section", from: page, basePath: "/x/") == nil)
        #expect(LinkChecker.resolve("", from: page, basePath: "/x/") == nil)
    }

    @Test func reportsBrokenLinksFromReportTextAtTheirLine() throws {
        let township = Township(name: "花庄镇", organ: "花庄镇人民政府", slug: "huazhuang", order: 0)
        let report = Report(source: "r.md", title: "t", township: township, year: 2024, published: CalendarDate(iso: "2025-01-01")!,
                            indexNumber: "i", issuer: "o", statistics: .zero(.v2021), bodyFirstLine: 8)
        let page = SitePage(kind: .report(0), path: "2024/huazhuang/index.html")
        let html = #"<a href="../../index.html">首页</a><p><a href="missing.pdf">附件</a><img src="../../assets/x.png" alt=""></p>"#
        let diagnostics = LinkChecker.check(html: html, page: page, basePath: "/", knownPaths: ["index.html"], report: report,
                                            bodyLinks: [("missing.pdf", 3)], template: "report")
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0].location == SourceLocation(file: "r.md", line: 10))
        #expect(diagnostics[0].message.contains("`2024/huazhuang/missing.pdf`"))
        #expect(diagnostics[1].location == nil && diagnostics[1].message.contains("report.mustache"))
    }
}
