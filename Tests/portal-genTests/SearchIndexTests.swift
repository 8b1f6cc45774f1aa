import Foundation
import Testing

@testable import PortalKit

/// The search index as built by the real executable, queried by the real `search.js` under node
/// (`scripts/search-node.js`): the reports a query finds are exactly those whose text contains
/// it, told here by brute force over the content (the reports read by PortalKit, not the index).
@Suite struct SearchIndexTests {
    static let node: String = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/node") { return "\(folder)/node" }
        return "/usr/bin/node"
    }()

    /// The example portal (content and theme) in a temporary folder.
    static func example() throws -> Workspace {
        let workspace = try Workspace()
        try FileManager.default.copyItem(at: PortalGen.repositoryRoot.appendingPathComponent("Content"), to: workspace.url.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: PortalGen.repositoryRoot.appendingPathComponent("Themes"), to: workspace.url.appendingPathComponent("Themes"))
        return workspace
    }

    /// A made-up portal of 12 townships × 6 years whose texts mix the pieces below (Latin words,
    /// full-width letters, numbers, phrases whose bigrams also occur apart), so that the layout
    /// has several document and term shards.
    static func synthetic() throws -> Workspace {
        let workspace = try Workspace()
        try FileManager.default.copyItem(at: PortalGen.repositoryRoot.appendingPathComponent("Themes"), to: workspace.url.appendingPathComponent("Themes"))
        let names = ["东湖镇", "西山乡", "南河镇", "北岭乡", "青石镇", "柳林乡", "花庄镇", "石桥镇", "新安乡", "丰乐镇", "龙泉乡", "金华镇"]
        var settings = "site_name: 检索测试县政府信息公开工作年度报告\ncounty: 检索测试县\nhost_organ: 检索测试县人民政府办公室\ncontact: 电话 0000-0000000\ntownships:\n"
        for (index, name) in names.enumerated() { settings += "  - name: \(name)\n    organ: 检索测试县\(name)人民政府\n    slug: t\(index)\n" }
        try workspace.write(settings, to: "Content/portal.yml")
        let pieces = [
            "依申请公开", "行政复议", "申请", "公开", "复议或诉讼", "政务公开栏", "，", "。", "\n\n", "2024年", "Ａ类事项", "PDF格式", "第3季度",
            "公开工作", "信息公开", "依法", "请公", "政府信息", "12345热线", "、", "（一）", "**重点**", "`代码`",
        ]
        let texts = randomTexts(from: pieces, count: names.count * 6, seed: 2015)
        for (index, text) in texts.enumerated() {
            let township = names[index % names.count]
            let year = 2024 - index / names.count
            // Some reports are missing: the layout has holes.
            guard index % 7 != 5 else { continue }
            try workspace.write(
                reportText(
                    township: township, year: year, published: "\(year + 1)-02-1\(index % 9)", index: "X\(index % names.count)/\(year + 1)-000\(index % 4)",
                    body: "## 一、总体情况\n\n\(township)\(text)\n"),
                to: "Content/reports/\(year)/t\(index % names.count).md")
        }
        return workspace
    }

    func build(_ workspace: Workspace, output: String = "Output") throws {
        let outcome = try PortalGen.run(["build", "--output", output], in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    /// What PortalKit reads of the content: every report with its searchable text.
    static func documents(_ workspace: Workspace) async throws -> (layout: SearchLayout, documents: [SearchDocument]) {
        let read = await PortalReader(content: workspace.url.appendingPathComponent("Content"), displayBase: workspace.url).read()
        let portal = try #require(read.portal)
        let layout = SearchLayout(portal: portal)
        return (layout, try portal.reports.map { SearchDocument(report: $0, layout: layout, markdown: try ReportBody.read($0)) })
    }

    struct Query: Codable {
        var q: String
        var year: Int?
        var township: String?
    }

    /// The reports whose normalised text contains every part of the query, in the filters.
    static func truth(_ query: Query, _ documents: [SearchDocument]) -> Set<Int> {
        let parts = SearchTokenizer.queryParts(query.q).filter { !SearchTokenizer.queryTerms($0).isEmpty }
        guard !parts.isEmpty else { return [] }
        return Set(
            documents.filter { document in
                let text = SearchTokenizer.normalize(document.searchableText)
                return parts.allSatisfy { text.contains($0) } && (query.year == nil || document.year == query.year)
                    && (query.township == nil || document.township == query.township)
            }.map { Int($0.number) })
    }

    /// Runs the queries through `search.js` under node.
    static func search(_ queries: [Query], site: URL) throws -> [[String: Any]] {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("queries.json")
        try JSONEncoder().encode(queries).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [PortalGen.repositoryRoot.appendingPathComponent("scripts/search-node.js").path, site.path, file.path]
        let out = folder.url.appendingPathComponent("out")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        let handle = try FileHandle(forWritingTo: out)
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0, "node ran search.js")
        return try String(contentsOf: out, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// Random substrings of the reports' texts that start and end with a CJK character (a query
    /// starting or ending inside a Latin word or number is not a whole word; see docs/architecture.md).
    static func randomQueries(_ documents: [SearchDocument], count: Int, seed: UInt64) -> [Query] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % max(1, bound)
        }
        var queries: [Query] = []
        while queries.count < count {
            let text = Array(documents[next(documents.count)].searchableText)
            let start = next(text.count)
            let end = min(text.count, start + 1 + next(7))
            let part = String(text[start..<end])
            guard let first = part.unicodeScalars.first, let last = part.unicodeScalars.last, SearchTokenizer.isCJK(first.value),
                SearchTokenizer.isCJK(last.value), !part.contains(where: \.isWhitespace)
            else { continue }
            queries.append(Query(q: part, year: next(4) == 0 ? documents[next(documents.count)].year : nil))
        }
        return queries
    }

    func expectExact(_ queries: [Query], site: URL, documents: [SearchDocument]) throws {
        let results = try Self.search(queries, site: site)
        #expect(results.count == queries.count)
        for (query, result) in zip(queries, results) {
            let truth = Self.truth(query, documents)
            let confirmed = Set(result["confirmed"] as? [Int] ?? [-1])
            #expect(
                confirmed == truth,
                "\(query.q) \(query.year.map(String.init) ?? "") \(query.township ?? ""): found \(confirmed.sorted()), contain it \(truth.sorted())")
            let candidates = result["candidates"] as? Int ?? -1
            #expect(candidates >= truth.count, "\(query.q): the postings never miss a report")
        }
    }

    @Test func theExamplePortalFindsExactlyTheReportsContainingTheQuery() async throws {
        let workspace = try Self.example()
        try build(workspace)
        let site = workspace.url.appendingPathComponent("Output")
        let (_, documents) = try await Self.documents(workspace)
        var queries = [
            Query(q: "复议"), Query(q: "依申请公开"), Query(q: "东湖镇"), Query(q: "11419999MB0000005E/2025-00004"), Query(q: "城政〔2025〕3号"),
            Query(q: "依申请公开", year: 2023), Query(q: "政府信息 公开", township: "城关镇"), Query(q: "２０２４年"), Query(q: "量子计算"),
            Query(q: "、"), Query(q: "镇"),
        ]
        queries += Self.randomQueries(documents, count: 150, seed: 42)
        try expectExact(queries, site: site, documents: documents)
        // The snippet marks the match.
        let first = try #require(try Self.search([Query(q: "依申请公开")], site: site).first)
        let snippet = try #require((first["snippets"] as? [[[Any]]])?.first)
        #expect(snippet.contains { ($0[1] as? Bool) == true && ($0[0] as? String) == "依申请公开" })
    }

    @Test func aPortalWithManyShardsAndHolesFindsExactlyTheReportsContainingTheQuery() async throws {
        let workspace = try Self.synthetic()
        try build(workspace)
        let site = workspace.url.appendingPathComponent("Output")
        let (layout, documents) = try await Self.documents(workspace)
        #expect(layout.documentShards > 1)
        var queries = [
            Query(q: "依申请公开"), Query(q: "请公开"), Query(q: "申请公开"), Query(q: "行政复议"), Query(q: "pdf格式"), Query(q: "ａ类"),
            Query(q: "12345热线"), Query(q: "x3/2024-0003"), Query(q: "公开 复议"), Query(q: "重点"), Query(q: "代码"),
            Query(q: "依申请公开", township: "东湖镇"), Query(q: "复议", year: 2022),
        ]
        queries += Self.randomQueries(documents, count: 150, seed: 7)
        try expectExact(queries, site: site, documents: documents)

        // The Swift side reads the same postings: every report that contains a query is in them.
        for query in queries where query.year == nil && query.township == nil {
            let truth = Self.truth(query, documents)
            var candidates: Set<Int>?
            for term in SearchTokenizer.queryParts(query.q).flatMap(SearchTokenizer.queryTerms) {
                let shard = try String(contentsOf: site.appendingPathComponent(SearchLayout.termShardPath(layout.termShard(of: term))), encoding: .utf8)
                let postings = try #require(SearchShards.readTermShard(shard)).postings
                let manifest = try String(contentsOf: site.appendingPathComponent(SearchLayout.manifestPath), encoding: .utf8)
                let all = SearchPosting(encoded: try #require(SearchIndexWriter.allPosting(inManifest: manifest)), universe: layout.universe, all: nil)?
                    .documents
                let found = postings[term].flatMap { SearchPosting(encoded: $0, universe: layout.universe, all: all) }?.documents.map(Int.init) ?? []
                candidates = candidates.map { $0.intersection(found) } ?? Set(found)
            }
            #expect(truth.isSubset(of: candidates ?? []), "\(query.q)")
        }
    }

    @Test func aOneReportEditRewritesOnlySomeSearchFilesAndEqualsACleanBuild() async throws {
        let workspace = try Self.synthetic()
        try build(workspace)
        let output = workspace.url.appendingPathComponent("Output")
        let original = snapshot(output.appendingPathComponent("search"))
        let report = workspace.url.appendingPathComponent("Content/reports/2024/t3.md")
        let text = try String(contentsOf: report, encoding: .utf8)
        // One new term (a character no report has, alone in its paragraph): one term shard changes.
        try Data((text + "\n镭。\n").utf8).write(to: report)
        try build(workspace)
        let after = snapshot(output.appendingPathComponent("search"))
        #expect(after.keys.sorted() == original.keys.sorted())
        let changed = Set(after.keys.filter { after[$0] != original[$0] })
        #expect(changed.filter { $0.hasPrefix("d/") }.count == 1, "\(changed.sorted())")
        #expect(
            changed.filter { $0.hasPrefix("t/") }
                == [SearchLayout.termShardPath(SearchLayout(portal: try await Self.portal(workspace)).termShard(of: "镭")).dropFirst(7)].map(String.init),
            "\(changed.sorted())")
        #expect(changed.count == 2, "nothing else: \(changed.sorted())")

        try build(workspace, output: "Clean")
        #expect(snapshot(workspace.url.appendingPathComponent("Clean/search")) == after, "the updated index equals a clean build's")
        let (_, documents) = try await Self.documents(workspace)
        try expectExact([Query(q: "镭"), Query(q: "依申请公开")], site: output, documents: documents)
        #expect(Self.truth(Query(q: "镭"), documents).count == 1)

        // A longer edit, then the report as it was: the index is the original's again.
        try Data((text + "\n本年度试行量子通信政务专网。\n").utf8).write(to: report)
        try build(workspace)
        try expectExact([Query(q: "量子通信"), Query(q: "镭")], site: output, documents: try await Self.documents(workspace).documents)
        try Data(text.utf8).write(to: report)
        try build(workspace)
        #expect(snapshot(output.appendingPathComponent("search")) == original)
    }

    static func portal(_ workspace: Workspace) async throws -> Portal {
        try #require(await PortalReader(content: workspace.url.appendingPathComponent("Content"), displayBase: workspace.url).read().portal)
    }
}
