import Foundation
import Testing

/// Incremental builds give the same site as a clean build, write only what changed, and the
/// output does not depend on how many pages are rendered at once.
@Suite struct IncrementalBuildTests {
    /// A copy of the example portal (content and theme) in a temporary folder.
    static func examplePortal() throws -> Workspace {
        let workspace = try Workspace()
        try FileManager.default.copyItem(at: PortalGen.repositoryRoot.appendingPathComponent("Content"), to: workspace.url.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: PortalGen.repositoryRoot.appendingPathComponent("Themes"), to: workspace.url.appendingPathComponent("Themes"))
        return workspace
    }

    /// The site's files without the build's own records (the manifest and the parse cache record
    /// where, when and from which file versions it was built).
    static func site(_ folder: URL) -> [String: Data] {
        snapshot(folder).filter { $0.key != ".portal-gen-manifest" && $0.key != ".portal-gen-cache" }
    }

    /// Where the time of a build went, as `--timings` writes it.
    func timings(_ workspace: Workspace, _ arguments: [String] = []) throws -> [String: Any] {
        let file = workspace.url.appendingPathComponent("timings.json")
        let outcome = try PortalGen.run(["build", "--timings", file.path] + arguments, in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    static func modificationTimes(_ folder: URL) -> [String: Date] {
        var times: [String: Date] = [:]
        for path in snapshot(folder).keys {
            times[path] = try? folder.appendingPathComponent(path).resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
        }
        return times
    }

    func build(_ workspace: Workspace, output: String = "Output", jobs: Int? = nil) throws -> PortalGen.Outcome {
        var arguments = ["build", "--output", output]
        if let jobs { arguments += ["--jobs", "\(jobs)"] }
        let outcome = try PortalGen.run(arguments, in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome
    }

    /// After a change, an incremental build equals a clean build of the same content.
    func expectSameAsClean(_ workspace: Workspace, _ change: String) throws {
        try? FileManager.default.removeItem(at: workspace.url.appendingPathComponent("Clean"))
        _ = try build(workspace, output: "Clean")
        let incremental = Self.site(workspace.url.appendingPathComponent("Output"))
        let clean = Self.site(workspace.url.appendingPathComponent("Clean"))
        #expect(incremental.keys.sorted() == clean.keys.sorted(), "\(change): same files")
        #expect(incremental == clean, "\(change): same bytes")
    }

    @Test func noChangeRebuildWritesNothing() throws {
        let workspace = try Self.examplePortal()
        _ = try build(workspace)
        let output = workspace.url.appendingPathComponent("Output")
        let before = Self.modificationTimes(output)
        Thread.sleep(forTimeInterval: 1.1)
        let again = try build(workspace)
        #expect(again.stdout.saysNothingChanged)
        #expect(again.stderr.showsRule(.t3Balance, .warning), "the warnings of the last build are printed again")
        #expect(Self.modificationTimes(output) == before)
    }

    @Test func eachKindOfChangeMatchesACleanBuildAndRewritesOnlyWhatChanged() throws {
        let workspace = try Self.examplePortal()
        let output = workspace.url.appendingPathComponent("Output")
        _ = try build(workspace)

        // A report edited: its page changes; pages that do not show its text keep their files.
        var before = Self.modificationTimes(output)
        Thread.sleep(forTimeInterval: 1.1)
        let report = workspace.url.appendingPathComponent("Content/reports/2024/chengguan.md")
        try Data((try String(contentsOf: report, encoding: .utf8) + "\n新增的一段说明。\n").utf8).write(to: report)
        _ = try build(workspace)
        var after = Self.modificationTimes(output)
        // Besides its page, only files of the search index change (its document shard and some term shards).
        let rewritten = Set(after.keys.filter { after[$0] != before[$0] && !$0.hasPrefix("search/") && !$0.hasPrefix(".portal-gen-") })
        #expect(rewritten == ["2024/chengguan/index.html"], "\(rewritten.sorted())")
        #expect(after["2024/chengguan/index.html"] != before["2024/chengguan/index.html"])
        #expect(after["2023/chengguan/index.html"] == before["2023/chengguan/index.html"])
        #expect(after["index.html"] == before["index.html"])
        try expectSameAsClean(workspace, "report edited")

        // A report added: it appears with its data file, and the lists that show it change.
        let added = workspace.url.appendingPathComponent("Content/reports/2023/xishan.md")
        let text = try String(contentsOf: workspace.url.appendingPathComponent("Content/reports/2024/liulin.md"), encoding: .utf8)
            .replacingOccurrences(of: "year: 2024", with: "year: 2023").replacingOccurrences(of: "published: 2025-", with: "published: 2024-")
            .replacingOccurrences(of: "written: 2025-", with: "written: 2024-")
            .replacingOccurrences(of: "/2025-00003", with: "/2024-00009").replacingOccurrences(of: "2024年政府", with: "2023年政府")
        try Data(text.utf8).write(to: added)
        _ = try build(workspace)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("2023/liulin/data.json").path))
        try expectSameAsClean(workspace, "report added")

        // A report deleted: its page and data file disappear.
        try FileManager.default.removeItem(at: added)
        _ = try build(workspace)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("2023/liulin/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("2023/liulin/data.json").path))
        try expectSameAsClean(workspace, "report deleted")

        // A template edited: every page that uses it is rewritten, nothing else.
        before = Self.modificationTimes(output)
        Thread.sleep(forTimeInterval: 1.1)
        let template = workspace.url.appendingPathComponent("Themes/default/templates/township.mustache")
        try Data((try String(contentsOf: template, encoding: .utf8).replacingOccurrences(of: "历年主要数据</h2>", with: "历年主要数据统计</h2>")).utf8).write(to: template)
        _ = try build(workspace)
        after = Self.modificationTimes(output)
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        let townshipPages = Set(
            after.keys.filter {
                $0.split(separator: "/").count == 2 && $0.hasSuffix("/index.html") && Int($0.split(separator: "/")[0]) == nil
                    && !["supervision", "sitemap", "feeds", "search"].contains($0.split(separator: "/")[0])
            })
        #expect(changed.subtracting([".portal-gen-manifest", ".portal-gen-cache"]) == townshipPages, "only the township pages were rewritten")
        try expectSameAsClean(workspace, "template edited")

        // Settings edited: every page shows the site name.
        let settings = workspace.url.appendingPathComponent("Content/portal.yml")
        try Data((try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(of: "site_name: 示例县政府信息公开工作年度报告", with: "site_name: 示例县年报专栏")).utf8)
            .write(to: settings)
        _ = try build(workspace)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("示例县年报专栏"))
        try expectSameAsClean(workspace, "settings edited")
    }

    @Test func outputDoesNotDependOnParallelism() throws {
        let workspace = try Self.examplePortal()
        _ = try build(workspace, output: "One", jobs: 1)
        _ = try build(workspace, output: "Eight", jobs: 8)
        let one = Self.site(workspace.url.appendingPathComponent("One"))
        #expect(one.count > 60)
        #expect(one == Self.site(workspace.url.appendingPathComponent("Eight")))
    }

    /// After one report is edited, only that file is parsed and only the pages that show it are rendered.
    @Test func anEditedReportIsTheOnlyFileParsedAndOnlyItsPagesAreRendered() throws {
        let workspace = try Self.examplePortal()
        let first = try timings(workspace)
        let reports = try #require(first["filesReused"] as? Int) + 0
        #expect(reports == 0, "a first build parses everything")
        let total = try #require(first["pagesRendered"] as? Int)
        let report = workspace.url.appendingPathComponent("Content/reports/2024/chengguan.md")
        try Data((try String(contentsOf: report, encoding: .utf8) + "\n新增的一段说明。\n").utf8).write(to: report)
        let edited = try timings(workspace)
        let files = try FileManager.default.subpathsOfDirectory(atPath: workspace.url.appendingPathComponent("Content/reports").path).filter {
            $0.hasSuffix(".md")
        }
        #expect(edited["filesReused"] as? Int == files.count - 1, "every other report comes from the parse cache")
        // A new paragraph shows on the report's own page only.
        #expect(edited["pagesRendered"] as? Int == 1, "\(edited["pagesRendered"] ?? "-") of \(total) pages rendered")
        try expectSameAsClean(workspace, "narrative edited")
        // A new title shows on the report page, the 2023 page whose pager links to it, its year,
        // its township, the home, compilation, supervision and site map pages.
        let text = try String(contentsOf: report, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "年度报告\ntownship:", with: "年度报告（修订）\ntownship:").utf8).write(to: report)
        // Left alone past the racy-stamp window, so that its cache entry is not flagged as just
        // edited (a --clean build below, made later, would not flag it, and the caches are compared).
        Thread.sleep(forTimeInterval: 0.3)
        let retitled = try timings(workspace)
        #expect(retitled["pagesRendered"] as? Int == 8, "\(retitled["pagesRendered"] ?? "-") of \(total) pages rendered")
        try expectSameAsClean(workspace, "report retitled")
        try expectSameAsClean(workspace, "report edited")
        // --clean parses and renders everything again, and writes the same parse cache: the
        // entries an incremental build copies from the old cache are what encoding them gives.
        let cacheFile = workspace.url.appendingPathComponent("Output/.portal-gen-cache")
        let incrementalCache = try Data(contentsOf: cacheFile)
        let clean = try timings(workspace, ["--clean"])
        #expect(clean["filesReused"] as? Int == 0)
        #expect(clean["pagesRendered"] as? Int == total)
        #expect(try Data(contentsOf: cacheFile) == incrementalCache)
    }

    /// Editing a template renders only the pages whose template uses it; editing the layout that
    /// every page extends renders every page.
    @Test func anEditedTemplateRendersOnlyThePagesThatUseIt() throws {
        let workspace = try Self.examplePortal()
        let total = try #require(try timings(workspace)["pagesRendered"] as? Int)
        let townships = try FileManager.default.contentsOfDirectory(atPath: workspace.url.appendingPathComponent("Output").path)
            .filter {
                FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Output/\($0)/index.html").path) && Int($0) == nil
                    && !["supervision", "assets", "sitemap", "feeds", "search"].contains($0)
            }
        let templates = workspace.url.appendingPathComponent("Themes/default/templates")
        func edit(_ name: String, _ old: String, _ new: String) throws {
            let file = templates.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains(old))
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
        }
        try edit("township.mustache", "历年主要数据</h2>", "历年主要数据统计</h2>")
        let township = try timings(workspace)
        #expect(
            township["pagesRendered"] as? Int == townships.count, "\(townships.count) township pages: \(township["pagesRendered"] ?? "-") of \(total) rendered")
        try edit("layout.mustache", "跳到正文", "跳到主要内容")
        #expect(try timings(workspace)["pagesRendered"] as? Int == total, "the layout is used by every page")
        try expectSameAsClean(workspace, "layout edited")
    }

    /// A damaged parse cache or manifest is ignored: the build parses everything and is still right.
    @Test func aDamagedCacheOrManifestMeansAFullRebuild() throws {
        let workspace = try Self.examplePortal()
        _ = try build(workspace)
        let output = workspace.url.appendingPathComponent("Output")
        let cache = output.appendingPathComponent(".portal-gen-cache")
        var bytes = [UInt8](try Data(contentsOf: cache))
        bytes.removeLast(bytes.count / 2)
        try Data(bytes).write(to: cache)
        try Data("garbage".utf8).write(to: output.appendingPathComponent(".portal-gen-manifest"))
        let report = workspace.url.appendingPathComponent("Content/reports/2024/chengguan.md")
        try Data((try String(contentsOf: report, encoding: .utf8) + "\n新增的一段说明。\n").utf8).write(to: report)
        let rebuilt = try timings(workspace)
        #expect(rebuilt["filesReused"] as? Int == 0)
        try expectSameAsClean(workspace, "after a damaged cache")
    }

    /// A build killed while moving its changed files into the output folder is completed by the
    /// next build, from the journal it wrote first.
    @Test func aBuildKilledWhileMovingFilesInIsCompletedByTheNext() throws {
        let workspace = try Self.examplePortal()
        _ = try build(workspace)
        let output = workspace.url.appendingPathComponent("Output")
        let report = workspace.url.appendingPathComponent("Content/reports/2024/chengguan.md")
        try Data((try String(contentsOf: report, encoding: .utf8) + "\n新增的一段说明。\n").utf8).write(to: report)
        try FileManager.default.removeItem(at: workspace.url.appendingPathComponent("Content/reports/2023/xishan.md"))
        // The fourth point of the commit is the second file moved in.
        let killed = try PortalGen.run(["build", "--fault", "commit:4:kill"], in: workspace.url)
        #expect(killed.status == SIGKILL, "killed by the fault plan: \(killed.stderr)")
        #expect(FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent(".Output.journal").path), "the journal is left")
        _ = try build(workspace)
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent(".Output.journal").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("2023/xishan/index.html").path))
        try expectSameAsClean(workspace, "after a build killed while moving files in")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.contains(".staging-") }
        #expect(leftovers.isEmpty)
    }
}
