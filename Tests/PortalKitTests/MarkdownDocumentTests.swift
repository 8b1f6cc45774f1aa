import Testing

@testable import PortalKit

@Suite struct MarkdownDocumentTests {
    @Test func rendersCommonMark() {
        let html = MarkdownDocument.html(from: "## 一、总体情况\n\n段落 **加粗** 与 *强调*。\n\n1. 第一\n2. 第二\n")
        #expect(html.contains("<h2>一、总体情况</h2>"))
        #expect(html.contains("<strong>加粗</strong>"))
        #expect(html.contains("<ol>\n<li>第一</li>"))
    }

    @Test func rawHTMLAndScriptLinksAreRemovedByDefault() {
        let source = "<script>alert(1)</script>\n\n[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html,x) <img src=x onerror=alert(1)>\n"
        let html = MarkdownDocument.html(from: source)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(!html.contains("data:text"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func unsafeOptInPassesRawHTMLThrough() {
        let html = MarkdownDocument.html(from: "<div class=\"x\">原样</div>\n", allowUnsafe: true)
        #expect(html.contains("<div class=\"x\">原样</div>"))
    }

    @Test func destinationsCarryTheirBlockLine() {
        let document = MarkdownDocument("# 标题\n\n第一段\n\n见 [附件](files/a.pdf) 与 ![图](img/b.png)\n")
        let found = document.destinations
        #expect(found.map(\.url) == ["files/a.pdf", "img/b.png"])
        #expect(found.map(\.line) == [5, 5])
    }

    @Test func manyDocumentsCanBeRenderedConcurrently() async {
        let results = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<64 {
                group.addTask { MarkdownDocument.html(from: "段落\(i)").contains("<p>段落\(i)</p>") }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 64 && results.allSatisfy { $0 })
    }
}
