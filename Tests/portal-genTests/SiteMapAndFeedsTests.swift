import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The inspection items beside the pages: the site map page (网站地图), sitemap.xml and its index,
/// the RSS and Atom feeds with their autodiscovery links and RSS订阅 page, and the identity footer.
@Suite struct SiteMapAndFeedsTests {
    static let townships = [("花庄镇", "huazhuang"), ("东城镇", "dongcheng"), ("西山乡", "xishanxiang")]
    static let years = [2022, 2023, 2024]

    /// Three townships × three years, each report published on its own day: 花庄镇 first in the
    /// year, 西山乡 last, except that 2024's 花庄镇 report came out last of all.
    static func portal(settings extra: String = "", siteURL: Bool = true) throws -> Workspace {
        let workspace = try Workspace()
        var settings = minimalSettings + "\n"
        if siteURL { settings += "site_url: https://www.example.gov.cn\nbase_path: /xxgk/ndbg/\n" }
        try workspace.write(settings + extra, to: "Content/portal.yml")
        for year in years {
            for (position, township) in townships.enumerated() {
                let day = year == 2024 && position == 0 ? 28 : 10 + position
                try workspace.write(
                    reportText(township: township.0, year: year, published: "\(year + 1)-01-\(day)", index: "\(township.1)/\(year)-00001"),
                    to: "Content/reports/\(year)/\(township.1).md")
            }
        }
        return workspace
    }

    static func built(_ workspace: Workspace) throws -> URL {
        let outcome = try workspace.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return workspace.url.appendingPathComponent("Output")
    }

    static func read(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// The site files a page's relative links lead to (fragments dropped, folders to their index).
    static func targets(of html: String, page: String) -> [String] {
        links(in: html).compactMap { link -> String? in
            guard !link.contains(":"), !link.hasPrefix("#"), !link.isEmpty else { return nil }
            var parts = page.split(separator: "/").dropLast().map(String.init)
            let path = link.split(separator: "#", omittingEmptySubsequences: false)[0]
            for segment in path.split(separator: "/") {
                if segment == ".." { parts.removeLast() } else if segment != "." { parts.append(String(segment)) }
            }
            return parts.joined(separator: "/") + (path.hasSuffix("/") ? "/index.html" : "")
        }
    }

    static func htmlPages(_ output: URL) -> [String] {
        snapshot(output).keys.filter { $0.hasSuffix(".html") }.sorted()
    }

    // MARK: - The site map page

    @Test func siteMapOfTheExampleLinksEverythingAndNothingBroken() throws {
        let workspace = try IncrementalBuildTests.examplePortal()
        let outcome = try PortalGen.run(["build"], in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let output = workspace.url.appendingPathComponent("Output")
        let html = try Self.read(output, "sitemap/index.html")
        let targets = Self.targets(of: html, page: "sitemap/index.html")
        for target in targets {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(target).path), "broken link to \(target)")
        }
        let pages = Self.htmlPages(output)
        let reportPages = pages.filter { $0.split(separator: "/").count == 3 && Int($0.split(separator: "/")[0]) != nil && !$0.contains("compilation") }
        let yearPages = pages.filter { $0.split(separator: "/").count == 2 && Int($0.split(separator: "/")[0]) != nil }
        let compilations = pages.filter { $0.hasSuffix("/compilation/index.html") }
        #expect(reportPages.count == 21 && yearPages.count == 4 && !compilations.isEmpty)
        for page in reportPages + yearPages + compilations + ["index.html", "supervision/index.html", "feeds/index.html"] {
            #expect(targets.contains(page), "the site map links \(page)")
        }
        #expect(targets.contains("data/reports.csv") && targets.contains("data/reports.json"))
        // Every township page, in the county's order (portal.yml: 城关镇, 东湖镇, 西山乡, 南河镇, 北岭乡, 青石镇, 柳林乡).
        let order = ["chengguan", "donghu", "xishan", "nanhe", "beilingxiang", "qingshi", "liulin"]
        let townshipLinks = targets.filter { target in order.contains { target == "\($0)/index.html" } }
        #expect(townshipLinks == order.map { "\($0)/index.html" })
        // Every page's footer links the site map and the feeds page.
        for page in pages where page != "404.html" {
            let targets = Self.targets(of: try Self.read(output, page), page: page)
            #expect(targets.contains("sitemap/index.html") && targets.contains("feeds/index.html"), "footer of \(page)")
        }
        #expect(try Self.read(output, "404.html").contains(#"href="/xxgk/ndbg/sitemap/index.html""#))
    }

    @Test func aLargePortalSplitsTheSiteMapAndTheSitemapFiles() throws {
        let workspace = try Self.portal(settings: "sitemap:\n  links_per_page: 2\n  urls_per_file: 5\n")
        let output = try Self.built(workspace)
        let pages = Self.htmlPages(output)

        // The main page lists the years' parts and the township parts, not the reports themselves.
        let main = try Self.read(output, "sitemap/index.html")
        let mainTargets = Set(Self.targets(of: main, page: "sitemap/index.html"))
        #expect(
            mainTargets.isSuperset(of: [
                "sitemap/2024.html", "sitemap/2024-2.html", "sitemap/2022-2.html", "sitemap/townships.html", "sitemap/townships-2.html",
            ]))
        #expect(!mainTargets.contains("2024/huazhuang/index.html"))
        // Every report is on exactly one part page, and every link of every part works.
        var listed: [String] = []
        for page in pages where page.hasPrefix("sitemap/") && page != "sitemap/index.html" {
            let targets = Self.targets(of: try Self.read(output, page), page: page)
            for target in targets {
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(target).path), "\(page) links \(target)")
            }
            if !page.contains("townships") {
                listed += targets.filter { $0.split(separator: "/").count == 3 && Int($0.split(separator: "/")[0]) != nil && !$0.contains("compilation") }
            }
        }
        let reports = Self.years.flatMap { year in Self.townships.map { "\(year)/\($0.1)/index.html" } }
        #expect(listed.sorted() == reports.sorted())
        #expect(try Self.read(output, "sitemap/2024-2.html").contains("第2部分，共2部分"))

        // sitemap.xml is an index of files of at most 5 URLs that together list every page but the 404 page.
        let index = try XMLTree(try Data(contentsOf: output.appendingPathComponent("sitemap.xml")))
        #expect(index.name == "sitemapindex")
        let files = index.children("sitemap").map { $0.child("loc")?.text ?? "" }
        let expectedCount = (pages.count - 1 + 4) / 5
        #expect(files == (1...expectedCount).map { "https://www.example.gov.cn/xxgk/ndbg/sitemap-\($0).xml" })
        var urls: [String] = []
        for number in 1...expectedCount {
            let part = try XMLTree(try Data(contentsOf: output.appendingPathComponent("sitemap-\(number).xml")))
            #expect(part.name == "urlset")
            let locations = part.children("url").map { $0.child("loc")?.text ?? "" }
            #expect(locations.count <= 5 && !locations.isEmpty)
            urls += locations
        }
        #expect(urls.sorted() == pages.filter { $0 != "404.html" }.map { "https://www.example.gov.cn/xxgk/ndbg/" + $0 }.sorted())
        #expect(try Self.read(output, "robots.txt").contains("Sitemap: https://www.example.gov.cn/xxgk/ndbg/sitemap.xml\n"))

        // The same portal with the default limits: one site map page and one urlset.
        try workspace.write(minimalSettings + "\nsite_url: https://www.example.gov.cn\nbase_path: /xxgk/ndbg/\n", to: "Content/portal.yml")
        let single = try Self.built(workspace)
        #expect(try XMLTree(try Data(contentsOf: single.appendingPathComponent("sitemap.xml"))).name == "urlset")
        #expect(!FileManager.default.fileExists(atPath: single.appendingPathComponent("sitemap-1.xml").path))
        #expect(!FileManager.default.fileExists(atPath: single.appendingPathComponent("sitemap/2024.html").path))
        #expect(Set(Self.targets(of: try Self.read(single, "sitemap/index.html"), page: "sitemap/index.html")).isSuperset(of: reports))
    }

    // MARK: - Feeds

    @Test func eachFeedListsTheNewestReportsWithTheirFields() throws {
        let workspace = try Self.portal(settings: "feeds:\n  items: 2\n")
        let output = try Self.built(workspace)
        let base = "https://www.example.gov.cn/xxgk/ndbg/"

        let rss = try XMLTree(try Data(contentsOf: output.appendingPathComponent("feeds/rss.xml")))
        #expect(rss.name == "rss" && rss.attributes["version"] == "2.0")
        let channel = try #require(rss.child("channel"))
        #expect(channel.child("link")?.text == base + "index.html")
        let items = channel.children("item")
        // Newest first: 2024's 花庄镇 report (2025-01-28), then 西山乡's (2025-01-12); the limit is 2.
        #expect(items.map { $0.child("link")?.text } == [base + "2024/huazhuang/index.html", base + "2024/xishanxiang/index.html"])
        let first = items[0]
        #expect(first.child("title")?.text == "测试县花庄镇人民政府2024年政府信息公开工作年度报告")
        #expect(first.child("pubDate")?.text == "Tue, 28 Jan 2025 00:00:00 +0800")
        #expect(first.children("category").map(\.text) == ["花庄镇", "2024年度"])
        #expect(first.child("guid")?.text == base + "2024/huazhuang/index.html")
        #expect(first.child("description")?.text.contains("发布日期：2025年1月28日") == true)
        #expect(channel.child("lastBuildDate")?.text == "Tue, 28 Jan 2025 00:00:00 +0800")

        let atom = try XMLTree(try Data(contentsOf: output.appendingPathComponent("feeds/atom.xml")))
        #expect(atom.name == "feed" && atom.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
        #expect(atom.child("updated")?.text == "2025-01-28T00:00:00+08:00")
        let entries = atom.children("entry")
        #expect(entries.count == 2)
        #expect(entries[0].child("published")?.text == "2025-01-28T00:00:00+08:00")
        #expect(entries[0].child("link")?.attributes["href"] == base + "2024/huazhuang/index.html")
        #expect(entries[0].children("category").map { $0.attributes["term"] } == ["花庄镇", "2024年度"])

        // A township's feed: its own reports, newest first.
        let township = try XMLTree(try Data(contentsOf: output.appendingPathComponent("feeds/dongcheng/rss.xml")))
        #expect(
            township.child("channel")?.children("item").map { $0.child("link")?.text }
                == [base + "2024/dongcheng/index.html", base + "2023/dongcheng/index.html"])
        // A year's feed: that year's reports only.
        let year = try XMLTree(try Data(contentsOf: output.appendingPathComponent("feeds/2023/atom.xml")))
        #expect(
            year.children("entry").compactMap { $0.child("link")?.attributes["href"] } == [
                base + "2023/xishanxiang/index.html", base + "2023/dongcheng/index.html",
            ])
        // Every feed file parses.
        for path in snapshot(output).keys where path.hasPrefix("feeds/") && path.hasSuffix(".xml") {
            _ = try XMLTree(try Data(contentsOf: output.appendingPathComponent(path)))
        }

        // Autodiscovery: the portal's feeds everywhere, the township's and year's on their pages.
        func alternates(_ page: String) throws -> [String] {
            let html = try Self.read(output, page)
            let regex = try NSRegularExpression(pattern: #"<link rel="alternate" type="(application/(?:rss|atom)\+xml)" title="[^"]+" href="([^"]+)">"#)
            return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range(at: 2), in: html)!]) }
        }
        for page in Self.htmlPages(output) where page != "404.html" {
            let found = try alternates(page).flatMap { Self.targets(of: " href=\"\($0)\"", page: page) }
            #expect(found.contains("feeds/rss.xml") && found.contains("feeds/atom.xml"), "autodiscovery on \(page)")
        }
        #expect(
            try alternates("dongcheng/index.html") == ["../feeds/rss.xml", "../feeds/atom.xml", "../feeds/dongcheng/rss.xml", "../feeds/dongcheng/atom.xml"])
        #expect(try alternates("2023/index.html") == ["../feeds/rss.xml", "../feeds/atom.xml", "../feeds/2023/rss.xml", "../feeds/2023/atom.xml"])
        #expect(try alternates("2024/huazhuang/index.html") == ["../../feeds/rss.xml", "../../feeds/atom.xml"])

        // The RSS订阅 page lists every feed with its absolute address.
        let page = try Self.read(output, "feeds/index.html")
        for folder in ["", "2022/", "2023/", "2024/", "huazhuang/", "dongcheng/", "xishanxiang/"] {
            #expect(page.contains("<code>\(base)feeds/\(folder)rss.xml</code>") && page.contains("<code>\(base)feeds/\(folder)atom.xml</code>"), "\(folder)")
        }
    }

    @Test func withoutSiteURLThereAreNoFeeds() throws {
        let workspace = try Self.portal(siteURL: false)
        let output = try Self.built(workspace)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("feeds").path))
        let home = try Self.read(output, "index.html")
        #expect(!home.contains("rel=\"alternate\"") && !home.contains("RSS订阅"))
        #expect(home.contains(#"<a href="sitemap/index.html">网站地图</a>"#))
    }

    @Test func aFeedIsRewrittenOnlyWhenItsReportsChange() throws {
        let workspace = try Self.portal()
        let output = try Self.built(workspace)
        let before = IncrementalBuildTests.modificationTimes(output)
        Thread.sleep(forTimeInterval: 1.1)
        // The narrative is in no feed: no feed file changes.
        let file = workspace.url.appendingPathComponent("Content/reports/2023/dongcheng.md")
        try Data((try String(contentsOf: file, encoding: .utf8) + "\n补充说明。\n").utf8).write(to: file)
        _ = try Self.built(workspace)
        var after = IncrementalBuildTests.modificationTimes(output)
        let feedFiles = before.keys.filter { $0.hasPrefix("feeds/") && $0.hasSuffix(".xml") }
        #expect(feedFiles.count == 14)
        #expect(feedFiles.filter { after[$0] != before[$0] }.isEmpty)
        // A new title: the feeds listing that report change, the others are kept.
        Thread.sleep(forTimeInterval: 1.1)
        try Data(
            (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(of: "title: 测试县东城镇人民政府2023年", with: "title: 测试县东城镇人民政府2023年度").utf8
        ).write(to: file)
        _ = try Self.built(workspace)
        after = IncrementalBuildTests.modificationTimes(output)
        let changed = Set(feedFiles.filter { after[$0] != before[$0] })
        #expect(
            changed == ["feeds/rss.xml", "feeds/atom.xml", "feeds/2023/rss.xml", "feeds/2023/atom.xml", "feeds/dongcheng/rss.xml", "feeds/dongcheng/atom.xml"])
        #expect(try Self.read(output, "feeds/dongcheng/rss.xml").contains("测试县东城镇人民政府2023年度政府信息公开工作年度报告"))
    }

    // MARK: - Identity footer

    @Test func theIdentityFooterShowsTheBadgeAndCountyPortalWhenSet() throws {
        let workspace = try Self.portal(
            settings: """
                identity:
                  badge: images/red.png
                  badge_link: https://bszs.conac.cn/sitename?method=show&id=ABC
                  county_portal:
                    name: 测试县人民政府门户网站
                    url: https://www.example.gov.cn/
                """)
        try FileManager.default.createDirectory(at: workspace.url.appendingPathComponent("Content/images"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: PortalGen.repositoryRoot.appendingPathComponent("Content/images/badge-example.png"),
            to: workspace.url.appendingPathComponent("Content/images/red.png"))
        let output = try Self.built(workspace)
        #expect(
            try Data(contentsOf: output.appendingPathComponent("assets/identity/red.png"))
                == Data(contentsOf: workspace.url.appendingPathComponent("Content/images/red.png")))
        for page in Self.htmlPages(output) where page != "404.html" {
            let html = try Self.read(output, page)
            let prefix = String(repeating: "../", count: page.split(separator: "/").count - 1)
            #expect(
                html.contains(
                    #"<a href="https://bszs.conac.cn/sitename?method=show&amp;id=ABC" rel="noopener"><img src="\#(prefix)assets/identity/red.png" alt="党政机关网站标识" width="110" height="136"></a>"#
                ), "badge on \(page)")
            #expect(html.contains(#"<a href="https://www.example.gov.cn/" rel="noopener">测试县人民政府门户网站</a>"#), "county portal on \(page)")
        }

        // Not set: neither is shown.
        let unset = try Self.portal()
        let plain = try Self.built(unset)
        let home = try Self.read(plain, "index.html")
        #expect(!home.contains("identity-badge") && !home.contains("党政机关网站标识") && !home.contains("门户网站</a>"))
    }

    @Test func aMissingBadgeImageIsAnErrorAtItsLine() throws {
        let workspace = try Self.portal(settings: "identity:\n  badge: images/none.png\n  badge_link: https://bszs.conac.cn/sitename?method=show&id=ABC\n")
        let outcome = try workspace.build()
        #expect(outcome.status != 0)
        let line =
            (minimalSettings + "\nsite_url: https://www.example.gov.cn\nbase_path: /xxgk/ndbg/\n").split(separator: "\n", omittingEmptySubsequences: false)
            .count + 1
        #expect(outcome.stderr.contains("Content/portal.yml:\(line):"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("images/none.png"), "\(outcome.stderr)")

        // A file that is no image is refused at the same line.
        try workspace.write("not an image", to: "Content/images/none.png")
        let refused = try workspace.build()
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Content/portal.yml:\(line):") && refused.stderr.contains("PNG"), "\(refused.stderr)")
    }
}

/// An XML document read back with Foundation's parser: a tree of elements with their attributes and text.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    fileprivate(set) var text = ""
    fileprivate(set) var elements: [XMLTree] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    struct Invalid: Error { var reason: String }

    /// Parses `data`; throws when it is not well-formed XML.
    convenience init(_ data: Data) throws {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw Invalid(reason: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        self.init(name: root.name, attributes: root.attributes)
        text = root.text
        elements = root.elements
    }

    func children(_ name: String) -> [XMLTree] { elements.filter { $0.name == name } }
    func child(_ name: String) -> XMLTree? { elements.first { $0.name == name } }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            let element = XMLTree(name: elementName, attributes: attributes)
            stack.last?.elements.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
