import Foundation
import Mustache
import Testing

@testable import PortalKit

@Suite struct ThemeTests {
    @Test func defaultThemeLoadsWithItsAssets() throws {
        let theme = try Theme.load(from: Repository.defaultTheme, displayPath: { $0.path })
        #expect(theme.assets.map(\.path).contains("assets/style.css"))
        for name in Theme.requiredTemplates {
            #expect(theme.library.getTemplate(named: name) != nil)
        }
    }

    @Test func missingTemplatesAndSyntaxErrorsAreReportedWithFileAndLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("<p>{{#open}}\n\n{{/close}}</p>\n", to: "templates/home.mustache")
        try folder.write("ok", to: "templates/year.mustache")
        #expect {
            try Theme.load(from: folder.url, displayPath: { $0.lastPathComponent })
        } throws: { error in
            let diagnostics = (error as! DiagnosticsError).diagnostics
            let missing = diagnostics.filter { $0.message.id == "themeTemplateMissing" }.compactMap { $0.location?.file }
            return Set(missing) == [
                "township.mustache", "report.mustache", "compilation.mustache", "supervision.mustache", "sitemap.mustache", "feeds.mustache", "404.mustache",
            ]
                && diagnostics.contains { $0.location?.file == "home.mustache" && $0.location?.line == 3 }
        }
    }

    @Test func templateValuesAreEscaped() throws {
        let folder = try TemporaryFolder()
        for name in Theme.requiredTemplates { try folder.write("<title>{{title}}</title><a href=\"{{url}}\">x</a>", to: "templates/\(name).mustache") }
        let theme = try Theme.load(from: folder.url, displayPath: { $0.path })
        let html = theme.render("home", context: ["title": "<script>&'\"", "url": "\" onclick=\"x"])
        #expect(html == "<title>&lt;script&gt;&amp;&#39;&quot;</title><a href=\"&quot; onclick=&quot;x\">x</a>")
    }

    /// The byte-wise escaper gives what swift-mustache's own escaping gives, on text mixing the five
    /// special characters with Chinese, emoji and plain ASCII; and it also escapes a `<` that a
    /// combining mark joins into one Character, which the Character-wise escaping lets through.
    @Test func byteWiseEscapingMatchesMustacheAndIsStricter() throws {
        let plain = try MustacheTemplate(string: "{{value}}")
        let alphabet: [String] = ["<", ">", "&", "\"", "'", "政", "府", "📄", "a", " ", "\n", "é", "　"]
        for text in randomTexts(from: alphabet, count: 500, seed: 0x9E37_79B9_7F4A_7C15) {
            #expect(HTMLContent.escape(text) == plain.render(["value": text]), "\(text.debugDescription)")
        }
        let joined = "<\u{301}script>"
        #expect(plain.render(["value": joined]).utf8.first == UInt8(ascii: "<"))
        #expect(HTMLContent.escape(joined) == "&lt;\u{301}script&gt;")
        #expect(HTMLContent.escape("没有特殊字符") == "没有特殊字符")
    }

    /// Every theme template is switched to `HTMLContent` without shifting its lines or its output.
    @Test func themeTemplatesUseTheByteWiseEscaper() throws {
        let folder = try TemporaryFolder()
        for name in Theme.requiredTemplates { try folder.write("{{! first line }}\n<p>{{value}}</p>\n", to: "templates/\(name).mustache") }
        let theme = try Theme.load(from: folder.url, displayPath: { $0.path })
        #expect(theme.render("home", context: ["value": "<\u{301}"]) == "<p>&lt;\u{301}</p>\n")
    }

    /// A lazily made list renders as the same array would in sections, inverted sections and
    /// transforms, and makes no item when the template does not walk it.
    @Test func templateListActsAsAnArrayAndMakesItemsOnlyWhenUsed() throws {
        final class Counter: @unchecked Sendable { var made = 0 }
        let counter = Counter()
        let years = [2024, 2023, 2022]
        let list = TemplateList(base: years) { year -> [String: Any] in
            counter.made += 1
            return ["year": year, "even": year % 2 == 0]
        }
        let array = years.map { ["year": $0, "even": $0 % 2 == 0] as [String: Any] }
        let template = try MustacheTemplate(
            string:
                "{{#cells}}{{year}}{{#even}}+{{/even}},{{/cells}}|{{^cells}}none{{/cells}}|{{count(cells)}}|{{#first(cells)}}{{year}}{{/first(cells)}}|{{^empty(cells)}}some{{/empty(cells)}}"
        )
        #expect(template.render(["cells": list]) == template.render(["cells": array]))
        #expect(template.render(["cells": list]) == "2024+,2023,2022+,||3|2024|some")
        let empty = TemplateList(base: [Int]()) { _ in [:] }
        #expect(template.render(["cells": empty]) == template.render(["cells": [[String: Any]]()]))
        counter.made = 0
        _ = try MustacheTemplate(string: "{{title}}").render(["title": "x", "cells": list])
        #expect(counter.made == 0)
    }

    /// Lazily made text renders like the string it makes, escaped or not, and is made only when shown.
    @Test func templateTextIsMadeOnlyWhenShown() throws {
        final class Counter: @unchecked Sendable { var made = 0 }
        let counter = Counter()
        let text = TemplateText {
            counter.made += 1
            return "<td>1 & 2</td>"
        }
        #expect(try MustacheTemplate(string: "{{{cells}}}|{{cells}}").render(["cells": text]) == "<td>1 & 2</td>|&lt;td&gt;1 &amp; 2&lt;/td&gt;")
        #expect(counter.made == 2)
        _ = try MustacheTemplate(string: "{{title}}").render(["title": "x", "cells": text])
        #expect(counter.made == 2)
    }

    /// A template's fingerprint covers the templates it reaches through partials and parents, and nothing else.
    @Test func templateFingerprintsFollowPartialsAndParents() {
        let sources = [
            "layout": "<main>{{$main}}{{/main}}</main>{{> footer}}", "footer": "<footer>",
            "home": "{{<layout}}{{$main}}home{{/main}}{{/layout}}", "plain": "{{title}} {{{html}}}",
            "dynamic": "{{=<% %>=}}<%> footer%>",
        ]
        let before = Theme.fingerprints(of: sources)
        var edited = sources
        edited["footer"] = "<footer>changed"
        let after = Theme.fingerprints(of: edited)
        #expect(after["footer"] != before["footer"])
        #expect(after["layout"] != before["layout"], "the layout includes the footer")
        #expect(after["home"] != before["home"], "home extends the layout, which includes the footer")
        #expect(after["plain"] == before["plain"], "plain includes nothing")
        #expect(after["dynamic"] != before["dynamic"], "changed delimiters: taken to use every template")
        edited = sources
        edited["plain"] = "{{title}}"
        #expect(Theme.fingerprints(of: edited)["home"] == before["home"])
    }
}
