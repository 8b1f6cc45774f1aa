import ArgumentParser
import Foundation

/// `portal-bench search`: builds a synthetic portal with its search index and measures the index
/// against the targets of issue 15 (build time and memory, files, bytes loaded, script time,
/// recall and precision), running the real `search.js` under node (`scripts/search-node.js`).
struct SearchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Measure the search index on a synthetic portal (10,000 reports, or 250,000 with --national).")
    @Option(help: "Number of reports.") var reports = 10_000
    @Flag(help: "250,000 reports (25,000 townships × 10 years); skips the brute-force truth (it would not fit in node's memory).") var national = false
    @Option(help: "Working folder (replaced).") var work = ".bench-search"
    @Option(help: "The portal-gen executable (build it with -c release).") var portalGen = ".build/release/portal-gen"
    @Option(help: "The theme to copy into the working folder.") var theme = "Themes/default"
    @Option(help: "The node harness that runs search.js.") var harness = "scripts/search-node.js"
    @Option(help: "The node executable.") var node = "/usr/bin/node"

    /// A phrase put into three reports, for the rare-term query.
    static let rarePhrase = "本镇图书馆分馆建设情况另行公示。"

    func run() throws {
        let fm = FileManager.default
        let count = national ? 250_000 : reports
        let portal = SyntheticPortal(reports: count, townships: (count + 9) / 10, years: 10)
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        try? fm.removeItem(at: workURL)
        try fm.createDirectory(at: workURL.appendingPathComponent("Themes"), withIntermediateDirectories: true)
        let content = workURL.appendingPathComponent("Content")
        try portal.write(to: content)
        try fm.copyItem(at: URL(fileURLWithPath: theme), to: workURL.appendingPathComponent("Themes/default"))
        let newest = content.appendingPathComponent("reports/2024")
        for township in [3, 400, 777] where township < portal.townships {
            try append(Self.rarePhrase, to: newest.appendingPathComponent("t\(String(format: "%05d", township)).md"))
        }
        let executable = URL(fileURLWithPath: portalGen).standardizedFileURL.path
        print("portal-bench search: \(count) reports, \(portal.townships) townships, 10 years; \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let cold = try build(executable, in: workURL, name: "cold")
        let output = workURL.appendingPathComponent("Output")
        let search = output.appendingPathComponent("search")
        let before = try hashes(search)
        let files = before.filter { $0.key != "index.html" }
        let bytes = files.keys.reduce(0) { $0 + size(search.appendingPathComponent($1)) }
        let terms = files.keys.filter { $0.hasPrefix("t/") }
        let documents = files.keys.filter { $0.hasPrefix("d/") }
        let termBytes = terms.map { size(search.appendingPathComponent($0)) }
        let documentBytes = documents.map { size(search.appendingPathComponent($0)) }
        let script = size(output.appendingPathComponent("assets/search.js"))
        let manifest = size(search.appendingPathComponent("manifest.js"))
        print("")
        print(
            "build (whole site, cold)      \(String(format: "%.2f", cold.wall)) s wall, search index \(String(format: "%.2f", cold.search)) s, peak \(String(format: "%.0f", cold.peakMB)) MB"
        )
        print("search files                  \(files.count) (\(terms.count) term shards, \(documents.count) document shards, manifest, townships)")
        print("index bytes                   \(kb(bytes)) (term shards \(kb(termBytes.reduce(0, +))), document shards \(kb(documentBytes.reduce(0, +))))")
        print("term shard                    median \(kb(median(termBytes))), largest \(kb(termBytes.max() ?? 0))")
        print("document shard                median \(kb(median(documentBytes))), largest \(kb(documentBytes.max() ?? 0))")
        print(
            "start-up (script + manifest)  \(kb(script + manifest)) (search.js \(kb(script)), manifest.js \(kb(manifest)));"
                + " page \(kb(size(search.appendingPathComponent("index.html")))), search.css \(kb(size(output.appendingPathComponent("assets/search.css")))),"
                + " townships.js \(kb(size(search.appendingPathComponent("townships.js")))) (only for the township filter)")

        // The queries, run by the real script under node.
        let township = portal.townshipName(12)
        var queries: [[String: Any]] = [
            ["q": "复议"], ["q": "依申请公开"], ["q": township], ["q": "B00012/2025-00001"], ["q": "图书馆"],
            ["q": "严格落实政府信息公开审查制度"], ["q": "依申请公开", "year": 2020], ["q": "复议", "township": township],
            ["q": "政府信息 监督"], ["q": "量子计算"], ["q": "\(portal.townshipName(5))认真贯彻"],
        ]
        if national { queries.append(["q": portal.townshipName(20_000)]) }
        let queryFile = workURL.appendingPathComponent("queries.json")
        try JSONSerialization.data(withJSONObject: queries).write(to: queryFile)
        let lines = try runNode([URL(fileURLWithPath: harness).standardizedFileURL.path, output.path, queryFile.path] + (national ? [] : ["--truth"]))
        print("")
        print("query                          results  candidates  first page KB (index)  files    ms  recall  precision")
        var worst = 0
        for line in lines {
            let q =
                (line["q"] as? String ?? "") + ((line["year"] as? Int).map { " 年度=\($0)" } ?? "") + ((line["township"] as? String).map { " 乡镇=\($0)" } ?? "")
            let confirmed = Set(line["confirmed"] as? [Int] ?? [])
            let candidates = line["candidates"] as? Int ?? 0
            let pageBytes = line["firstPageBytes"] as? Int ?? 0
            worst = max(worst, pageBytes)
            var quality = "     —          —"
            if let truth = line["truth"] as? [Int] {
                let truthSet = Set(truth)
                let recall = truth.isEmpty ? 1 : Double(confirmed.intersection(truthSet).count) / Double(truth.count)
                let precision = candidates == 0 ? 1 : Double(truth.count) / Double(max(candidates, truth.count))
                quality = String(format: "%6.1f%%  %8.2f%%", recall * 100, precision * 100) + (confirmed == truthSet ? "" : "  (confirmed ≠ truth)")
            }
            print(
                q.leftPadRight(30),
                String(
                    format: "%7d  %10d  %6.1f (%5.1f)  %10d  %4.0f", confirmed.count, candidates, Double(pageBytes) / 1024,
                    Double(line["firstPageTermBytes"] as? Int ?? 0) / 1024, line["firstPageFiles"] as? Int ?? 0, line["milliseconds"] as? Double ?? 0),
                quality)
        }
        print("worst first page               \(kb(worst))")

        // A one-report edit: which search files change, and the edit loop's time.
        let edited = newest.appendingPathComponent("t00012.md")
        try append("本年度新增政府信息公开咨询热线服务。", to: edited)
        let edit = try build(executable, in: workURL, name: "edit")
        let after = try hashes(search)
        let changed = after.filter { before[$0.key] != $0.value }.keys.sorted()
        print("")
        print(
            "edit one report                \(String(format: "%.2f", edit.wall)) s wall (search index \(String(format: "%.2f", edit.search)) s), search files rewritten: \(changed.count) \(changed.prefix(12).joined(separator: " "))"
        )
    }

    func append(_ text: String, to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        handle.seekToEndOfFile()
        handle.write(Data("\n\(text)\n".utf8))
        try handle.close()
    }

    func build(_ executable: String, in work: URL, name: String) throws -> (wall: Double, peakMB: Double, search: Double) {
        let timings = work.appendingPathComponent("timings-\(name).json")
        let result = try spawn(executable, ["build", "--content", "Content", "--output", "Output", "--timings", timings.path], in: work.path)
        guard result.status == 0 else { throw ValidationError("portal-gen failed (\(name), status \(result.status))") }
        let t = try JSONSerialization.jsonObject(with: Data(contentsOf: timings)) as? [String: Any] ?? [:]
        return (result.wall, result.peakMB, t["searchWall"] as? Double ?? 0)
    }

    func hashes(_ folder: URL) throws -> [String: Int] {
        var found: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard let data = try? Data(contentsOf: url) else { continue }
            found[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = data.hashValue ^ data.count
        }
        return found
    }

    func size(_ url: URL) -> Int { (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0 }
    func kb(_ bytes: Int) -> String { String(format: "%.1f KB", Double(bytes) / 1024) }
    func median(_ values: [Int]) -> Int { values.isEmpty ? 0 : values.sorted()[values.count / 2] }

    func runNode(_ arguments: [String]) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["--max-old-space-size=4096"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("node failed (status \(process.terminationStatus))") }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}

extension String {
    /// Pads to `width` characters counting a CJK character as two columns.
    func leftPadRight(_ width: Int) -> String {
        let columns = unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
        return self + String(repeating: " ", count: max(0, width - columns))
    }
}
