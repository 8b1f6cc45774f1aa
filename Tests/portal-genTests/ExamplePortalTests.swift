import Foundation
import PortalKit
import Testing

/// Builds the bundled example portal (`Content/`) with the real executable and inspects the site.
@Suite(.serialized) struct ExamplePortalTests {
    /// (year, township slug) of every report file in Content/, read straight from the files.
    static func exampleReports() throws -> [(year: Int, slug: String)] {
        let reports = PortalGen.repositoryRoot.appendingPathComponent("Content/reports")
        let enumerator = try #require(FileManager.default.enumerator(at: reports, includingPropertiesForKeys: nil))
        var found: [(Int, String)] = []
        for case let url as URL in enumerator where url.pathExtension == "md" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let year = try #require(text.split(separator: "\n").first { $0.hasPrefix("year: ") }.flatMap { Int($0.dropFirst(6)) })
            found.append((year, url.deletingPathExtension().lastPathComponent))
        }
        return found
    }

    @Test func buildsEveryPageWithResolvableLinks() throws {
        let workspace = try Workspace()
        let content = PortalGen.repositoryRoot.appendingPathComponent("Content").path
        let outcome = try workspace.build(content: content)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let messages = outcome.stderr.split(separator: "\n")
        #expect(messages.allSatisfy { $0.contains(": 警告: [") }, "the example builds with statistics warnings only: \(outcome.stderr)")
        #expect(
            outcome.stderr.shows(
                .warning, .t3BalanceBroken(column: "自然人", received: "3", carried: "0", left: "3", total: "2", carriedOn: "0", right: "2"),
                at: content + "/reports/2022/nanhe.md", line: 17, column: 8, rule: .t3Balance),
            "the example has one report whose published arithmetic does not add up")
        let reports = try Self.exampleReports()
        #expect(reports.count >= 18)
        #expect(
            outcome.stdout.hasPrefix(
                String(
                    Message.buildDone(reports: reports.count, pages: 0, written: 0, unchanged: 0, output: "", seconds: "").text(.chinese).prefix { $0 != "：" })
                    + "："))

        let output = workspace.url.appendingPathComponent("Output")
        let files = snapshot(output)
        for path in ["index.html", "404.html", "sitemap.xml", "robots.txt", "assets/style.css"] {
            #expect(files[path] != nil, "missing \(path)")
        }
        for (year, slug) in reports {
            #expect(files["\(year)/\(slug)/index.html"] != nil, "missing report page \(year)/\(slug)")
            #expect(files["\(year)/index.html"] != nil)
            #expect(files["\(slug)/index.html"] != nil)
        }

        // Every internal href/src of every page resolves to a file of the output.
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") && path != "404.html" {
            let page = output.appendingPathComponent(path)
            for link in links(in: String(decoding: data, as: UTF8.self)) {
                guard !link.isEmpty, !link.hasPrefix("#"), URL(string: link)?.scheme == nil else { continue }
                let target = URL(string: link.components(separatedBy: "#")[0], relativeTo: page)!.standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "\(path) links to missing \(link)")
                #expect(target.path.hasPrefix(output.standardizedFileURL.path + "/"), "\(path) links outside the site: \(link)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    /// The compilation page names its reports in a sentence: 、 between them, 。 after the last.
    @Test func theCompilationListsItsReportsAsASentence() throws {
        let workspace = try Workspace()
        let outcome = try workspace.build(content: PortalGen.repositoryRoot.appendingPathComponent("Content").path)
        #expect(outcome.status == 0)
        let pages = snapshot(workspace.url.appendingPathComponent("Output")).filter { $0.key.hasSuffix("/compilation/index.html") }
        #expect(!pages.isEmpty)
        for (path, data) in pages {
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
            let sentence = try #require(text.range(of: #"纳入汇总的报告：[^。]*。"#, options: .regularExpression).map { String(text[$0]) }, "\(path)")
            #expect(!sentence.contains("、。") && !sentence.contains("：、"), "\(path): \(sentence)")
            #expect(sentence.filter { $0 == "、" }.count >= 1, "\(path): several reports, separated")
        }
    }

    @Test func indexPagesListExactlyTheReportsThatExist() throws {
        let workspace = try Workspace()
        let outcome = try workspace.build(content: PortalGen.repositoryRoot.appendingPathComponent("Content").path)
        #expect(outcome.status == 0)
        let files = snapshot(workspace.url.appendingPathComponent("Output"))
        let reports = try Self.exampleReports()
        let years = Set(reports.map(\.year))
        let slugs = Set(reports.map(\.slug))

        // No empty sections: the only year and township pages are those with reports.
        let yearPages = Set(files.keys.filter { $0.split(separator: "/").count == 2 && Int($0.split(separator: "/")[0]) != nil })
        #expect(yearPages == Set(years.map { "\($0)/index.html" }))
        let siteFolders: Set<Substring> = ["assets", "data", "supervision", "sitemap", "feeds", "search"]
        let townshipPages = Set(
            files.keys.filter { path in
                let parts = path.split(separator: "/")
                return parts.count == 2 && parts[1] == "index.html" && Int(parts[0]) == nil && !siteFolders.contains(parts[0])
            })
        #expect(townshipPages == Set(slugs.map { "\($0)/index.html" }))

        for year in years {
            let html = String(decoding: files["\(year)/index.html"]!, as: UTF8.self)
            let reportLinks = links(in: html).filter {
                $0.range(of: #"^\.\./\d{4}/[a-z0-9-]+/index\.html$"#, options: .regularExpression) != nil && !$0.contains("/compilation/")
            }
            let expected = reports.filter { $0.year == year }.map { "../\(year)/\($0.slug)/index.html" }
            #expect(Set(reportLinks) == Set(expected), "year \(year)")
            #expect(reportLinks.count == expected.count, "each report is listed once on the year page")
        }
        for slug in slugs {
            let html = String(decoding: files["\(slug)/index.html"]!, as: UTF8.self)
            let reportLinks = links(in: html).filter { $0.range(of: #"^\.\./\d{4}/[a-z0-9-]+/index\.html$"#, options: .regularExpression) != nil }
            let expectedYears = reports.filter { $0.slug == slug }.map(\.year).sorted(by: >)
            #expect(reportLinks == expectedYears.map { "../\($0)/\(slug)/index.html" }, "township \(slug), newest first")
        }
    }

    @Test func reportPagesCarryMetadataBreadcrumbsAndMonitoringTags() throws {
        let workspace = try Workspace()
        #expect(try workspace.build(content: PortalGen.repositoryRoot.appendingPathComponent("Content").path).status == 0)
        let files = snapshot(workspace.url.appendingPathComponent("Output"))
        let (year, slug) = try #require(Self.exampleReports().first)
        let html = String(decoding: try #require(files["\(year)/\(slug)/index.html"]), as: UTF8.self)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        for label in ["索引号", "信息分类", "发布机构", "发布日期", "文号"] {
            #expect(html.contains("<dt>\(label)</dt>"), "metadata \(label)")
        }
        for name in ["SiteName", "SiteIDCode", "ColumnName", "ArticleTitle", "PubDate", "ContentSource"] {
            #expect(html.contains("<meta name=\"\(name)\" content=\""), "meta \(name)")
        }
        #expect(html.contains("<a href=\"../../index.html\">首页</a>"))
        #expect(html.contains("<a href=\"../../\(year)/index.html\">\(year)年度</a>"))
        #expect(html.contains("示例数据"))
        #expect(html.contains("网站标识码"))

        let sitemap = String(decoding: try #require(files["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap.contains("<loc>https://www.example.gov.cn/xxgk/ndbg/\(year)/\(slug)/index.html</loc>"))
        #expect(!sitemap.contains("404.html"))
        let notFound = String(decoding: try #require(files["404.html"]), as: UTF8.self)
        #expect(notFound.contains("href=\"/xxgk/ndbg/index.html\""), "the 404 page is served at any URL, so it links from the base path")
    }
}
