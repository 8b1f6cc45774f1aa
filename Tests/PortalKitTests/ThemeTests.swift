import Foundation
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
            let missing = diagnostics.filter { $0.message.contains("has no `") }.compactMap { $0.location?.file }
            return Set(missing) == ["township.mustache", "report.mustache", "compilation.mustache", "supervision.mustache", "404.mustache"]
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

    /// A template's fingerprint covers the templates it reaches through partials and parents, and nothing else.
    @Test func templateFingerprintsFollowPartialsAndParents() {
        let sources = ["layout": "<main>{{$main}}{{/main}}</main>{{> footer}}", "footer": "<footer>",
                       "home": "{{<layout}}{{$main}}home{{/main}}{{/layout}}", "plain": "{{title}} {{{html}}}",
                       "dynamic": "{{=<% %>=}}<%> footer%>"]
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
