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
        let report = Report(
            source: "r.md", title: "t", township: township, year: 2024, published: CalendarDate(iso: "2025-01-01")!,
            indexNumber: "i", issuer: "o", statistics: .zero(.v2021), bodyFirstLine: 8)
        let page = SitePage(kind: .report(0), path: "2024/huazhuang/index.html")
        let html = #"<a href="../../index.html">首页</a><p><a href="missing.pdf">附件</a><img src="../../assets/x.png" alt=""></p>"#
        let diagnostics = LinkChecker.check(
            html: html, page: page, basePath: "/", knownPaths: ["index.html"], report: report,
            bodyLinks: [("missing.pdf", 3)], template: "report")
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0].location == SourceLocation(file: "r.md", line: 10))
        #expect(diagnostics[0].message == .linkBroken(url: "missing.pdf", target: "2024/huazhuang/missing.pdf"))
        #expect(
            diagnostics[1].location == nil
                && diagnostics[1].message
                    == .themeLinkBroken(template: "report", url: "../../assets/x.png", page: "2024/huazhuang/index.html", target: "assets/x.png")
        )
    }

    /// The `=`-to-`=` scan finds exactly the values a plain left-to-right search for ` href="` and
    /// ` src="` finds, on random mixes of attribute-like pieces, Chinese text and stray quotes.
    @Test func attributeScanMatchesAPlainSearch() {
        func reference(_ html: String) -> [String] {
            let bytes = Array(html.utf8)
            var values: [String] = []
            var index = 0
            while index < bytes.count {
                let rest = bytes[index...]
                let length = rest.starts(with: " href=\"".utf8) ? 7 : rest.starts(with: " src=\"".utf8) ? 6 : 0
                guard length > 0 else {
                    index += 1
                    continue
                }
                let start = index + length
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
                values.append(String(decoding: bytes[start..<end], as: UTF8.self))
                index = end
            }
            return values
        }
        let pieces = [" href=\"", " src=\"", "href=\"", "=\"", "=", "\"", " ", "a/b.html", "政府", "<a", ">", " data-src=\""]
        for html in randomTexts(from: pieces, count: 2_000, seed: 42) {
            #expect(LinkChecker.attributeValues(in: html) == reference(html), "\(html.debugDescription)")
        }
    }
}
