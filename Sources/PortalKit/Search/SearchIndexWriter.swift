import Foundation

/// Builds the search index of a portal and writes its files (see `SearchShards`), streamed: the
/// reports are read a block at a time (one document shard's worth) on all cores, and only the
/// postings are kept, each as a list or a bitmap (see `SearchPosting`), in one table per core.
///
/// Incremental: a document shard is made from its reports' files, so it is kept without reading
/// them when none changed (its inputs). When the layout and the set of reports are as in the
/// previous build, the index is updated rather than rebuilt: for each block that changed, the
/// previous build's document shard gives each report's old text and the content its new one; a
/// report whose text changed loses the terms it no longer has and gains the new ones. Only the
/// term shards holding such a term are read back, changed and written (the writer keeps the ones
/// whose bytes come out the same); the others are kept untouched. A one-report edit reads one
/// block, tokenises its reports and rewrites one document shard and the few term shards of the
/// terms the edit added or removed. Anything else (a report added or removed, a new township,
/// different settings, a previous file not exactly as it was written) rebuilds the whole index.
struct SearchIndexWriter: Sendable {
    let portal: Portal
    let layout: SearchLayout
    let writer: OutputWriter
    /// Fingerprint of the settings and portal-gen (empty: nothing is kept).
    let siteFingerprint: String
    let parallelism: Int

    struct Outcome: Sendable {
        var written: [OutputWriter.Written] = []
        /// Reports read and tokenised.
        var reportsRead = 0
        /// Whether the previous build's index was updated instead of rebuilt.
        var updated = false
    }

    /// A block of reports: one document shard.
    private struct Block: Sendable {
        var shard: Int
        var reports: [Report]
        var inputs: String?
        var kept: OutputWriter.Written?
    }

    /// The term table of one core: terms are spread over the tables by their hash.
    private final class Table: @unchecked Sendable {
        var postings: [SearchTerm: SearchPosting] = [:]
    }

    func write() async throws(DiagnosticsError) -> Outcome {
        let layoutInputs = siteFingerprint.isEmpty ? nil : ContentHash.of(siteFingerprint + "\n" + layout.fingerprint)
        var byShard: [Int: [Report]] = [:]
        for report in portal.reports { byShard[layout.documentShard(of: layout.document(report)), default: []].append(report) }
        let blocks = byShard.keys.sorted().map { shard -> Block in
            let reports = byShard[shard]!
            let inputs = layoutInputs.map { layoutInputs in
                ContentHash.of(([layoutInputs] + reports.map { "\(layout.document($0)) \($0.contentHash)" }).joined(separator: "\n"))
            }
            return Block(shard: shard, reports: reports, inputs: inputs, kept: writer.keep(SearchLayout.documentShardPath(shard), inputs: inputs))
        }
        let all = portal.reports.map { layout.document($0) }.sorted()
        let allEncoded = SearchPosting(universe: layout.universe, documents: all).encoded(all: nil)
        var outcome = Outcome()
        var decided = layout
        if let layoutInputs, let (updated, previousLayout) = try await update(blocks, all: all, allEncoded: allEncoded, layoutInputs: layoutInputs) {
            (outcome, decided) = (updated, previousLayout)
        } else {
            (outcome, decided) = try await rebuild(blocks, all: all)
        }
        // The document shards kept without reading their reports.
        outcome.written += blocks.compactMap(\.kept)
        outcome.written.append(
            try writer.write(SearchShards.manifest(decided, allEncoded: allEncoded, years: portal.years), to: SearchLayout.manifestPath, inputs: layoutInputs))
        outcome.written.append(
            try writer.write(SearchShards.townships(layout, withReports: Set(portal.townshipsWithReports.map(\.slug))), to: SearchLayout.townshipsPath))
        return outcome
    }

    // MARK: - The whole index

    /// The whole index; returns the layout with the number of term shards it chose.
    private func rebuild(_ blocks: [Block], all: [UInt32]) async throws(DiagnosticsError) -> (Outcome, SearchLayout) {
        var outcome = Outcome()
        // A term is in table `hash % 64 % count`; the number of term shards is a multiple of 64,
        // so each table holds whole shards (shard % 64 % count) and writes them at the end.
        let tables = (0..<max(1, parallelism)).map { _ in Table() }
        let count = tables.count
        let chunk = max(1, parallelism * 4)
        for start in stride(from: 0, to: blocks.count, by: chunk) {
            let range = start..<min(start + chunk, blocks.count)
            // Each block: read, written (unless kept) and tokenised, its terms sorted by table.
            let results = await Array(range).concurrentMap(width: parallelism) {
                index -> Result<(OutputWriter.Written?, [[(SearchTerm, UInt32)]]), DiagnosticsError> in
                Result { () throws(DiagnosticsError) in
                    let (documents, written) = try read(blocks[index])
                    var byTable = [[(SearchTerm, UInt32)]](repeating: [], count: count)
                    for document in documents {
                        for term in document.terms { byTable[Int(term.fnv1a % 64) % count].append((term, document.number)) }
                    }
                    return (written, byTable)
                }
            }
            var pieces: [[(SearchTerm, UInt32)]] = Array(repeating: [], count: count)
            for result in results {
                let (written, byTable) = try result.get()
                if let written { outcome.written.append(written) }
                for table in 0..<count { pieces[table] += byTable[table] }
            }
            outcome.reportsRead += range.reduce(0) { $0 + blocks[$1].reports.count }
            let universe = layout.universe
            let gathered = pieces
            _ = await Array(0..<count).concurrentMap(width: parallelism) { table -> Bool in
                for (term, document) in gathered[table] { tables[table].postings[term, default: SearchPosting(universe: universe)].insert(document) }
                return true
            }
        }
        // Shards of about `termShardBytes`: the size of each posting told from its count.
        let universe = layout.universe
        let estimate = tables.reduce(0) { sum, table in
            table.postings.reduce(sum) { sum, entry in
                let count = entry.value.count
                return sum + 8 + entry.key.text.utf8.count + min(count * 3 / 2, universe / 8, (all.count - count) * 3 / 2 + 2) * 4 / 3
            }
        }
        let layout = layout.withTermShards(SearchLayout.termShards(forBytes: estimate))
        // Each table encodes and writes its shards one at a time, letting go of each posting as it goes.
        let written = await Array(0..<count).concurrentMap(width: parallelism) { table -> Result<[OutputWriter.Written], DiagnosticsError> in
            Result { () throws(DiagnosticsError) in
                var byShard: [Int: [SearchTerm]] = [:]
                for term in tables[table].postings.keys { byShard[layout.termShard(of: term), default: []].append(term) }
                var written: [OutputWriter.Written] = []
                for shard in 0..<layout.termShards where shard % 64 % count == table {
                    let entries = (byShard.removeValue(forKey: shard) ?? []).map { term -> (term: String, encoded: String) in
                        var posting = tables[table].postings.removeValue(forKey: term)!
                        posting.sort()
                        return (term.text, posting.encoded(all: all))
                    }
                    written.append(try writeTermShard(shard, entries))
                }
                return written
            }
        }
        for result in written { outcome.written += try result.get() }
        return (outcome, layout)
    }

    private func writeTermShard(_ shard: Int, _ entries: [(term: String, encoded: String)]) throws(DiagnosticsError) -> OutputWriter.Written {
        let text = SearchShards.termShard(shard, postings: entries)
        // Its inputs are its postings: an update keeps the shards it did not touch by them.
        return try writer.write(text, to: SearchLayout.termShardPath(shard), inputs: ContentHash.of(text))
    }

    /// A block's reports read (and its document shard written unless kept).
    private func read(_ block: Block) throws(DiagnosticsError) -> ([SearchDocument], OutputWriter.Written?) {
        var documents: [SearchDocument] = []
        for report in block.reports {
            documents.append(SearchDocument(report: report, layout: layout, markdown: try ReportBody.read(report)))
        }
        guard block.kept == nil else { return (documents, nil) }
        let written = try writer.write(
            SearchShards.documentShard(block.shard, documents: documents), to: SearchLayout.documentShardPath(block.shard), inputs: block.inputs)
        return (documents, written)
    }

    // MARK: - Updating the previous index

    /// The previous build's index updated for the blocks that changed; nil when it cannot be (then
    /// the index is rebuilt).
    private func update(_ blocks: [Block], all: [UInt32], allEncoded: String, layoutInputs: String) async throws(DiagnosticsError)
        -> (Outcome, SearchLayout)?
    {
        guard let previous = writer.previous, previous[SearchLayout.manifestPath]?.inputs == layoutInputs,
            let manifest = readPrevious(SearchLayout.manifestPath, previous), Self.allPosting(inManifest: manifest) == allEncoded,
            let termShards = Self.termShards(inManifest: manifest), termShards > 0, termShards % 64 == 0,
            (0..<termShards).allSatisfy({ previous[SearchLayout.termShardPath($0)]?.inputs != nil })
        else { return nil }
        // The previous build's number of term shards is kept.
        let layout = layout.withTermShards(termShards)
        // Each changed block's previous shard, read first: if one is not as it was written, nothing is written here.
        let changed = blocks.filter { $0.kept == nil }
        guard changed.count * 4 <= max(4, blocks.count) else { return nil }
        var earlier: [[UInt32: SearchDocument]] = []
        for block in changed {
            guard let text = readPrevious(SearchLayout.documentShardPath(block.shard), previous),
                let old = SearchShards.readDocumentShard(text), old.shard == block.shard,
                Set(old.documents.map(\.number)) == Set(block.reports.map { layout.document($0) })
            else { return nil }
            earlier.append(Dictionary(old.documents.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first }))
        }
        var outcome = Outcome()
        outcome.updated = true
        let before = earlier
        // Each changed block: the terms each report lost and gained.
        let results = await Array(changed.indices).concurrentMap(width: parallelism) {
            index -> Result<(OutputWriter.Written?, [(SearchTerm, UInt32, Bool)], Int), DiagnosticsError> in
            Result { () throws(DiagnosticsError) in
                let (documents, written) = try read(changed[index])
                var changes: [(SearchTerm, UInt32, Bool)] = []
                var read = 0
                for document in documents {
                    guard let old = before[index][document.number], old.searchableText != document.searchableText else { continue }
                    read += 1
                    let lost = Set(old.terms)
                    let has = Set(document.terms)
                    changes += lost.subtracting(has).map { ($0, document.number, false) } + has.subtracting(lost).map { ($0, document.number, true) }
                }
                return (written, changes, read)
            }
        }
        var changes: [Int: [String: [(UInt32, Bool)]]] = [:]
        for result in results {
            let (written, blockChanges, read) = try result.get()
            if let written { outcome.written.append(written) }
            outcome.reportsRead += read
            for (term, document, added) in blockChanges {
                changes[layout.termShard(of: term), default: [:]][term.text, default: []].append((document, added))
            }
        }
        // The term shards: those with a changed term read back and changed, the others kept.
        for shard in 0..<layout.termShards {
            let path = SearchLayout.termShardPath(shard)
            guard let termChanges = changes[shard] else {
                guard let kept = writer.keep(path, inputs: previous[path]?.inputs) else { return nil }
                outcome.written.append(kept)
                continue
            }
            // A file not as it was written: the index is rebuilt (what was staged here is written again).
            guard let text = readPrevious(path, previous), let read = SearchShards.readTermShard(text), read.shard == shard else { return nil }
            var postings = read.postings
            for (term, documents) in termChanges {
                var posting: SearchPosting
                if let encoded = postings[term] {
                    guard let decoded = SearchPosting(encoded: encoded, universe: layout.universe, all: all) else { return nil }
                    posting = decoded
                } else {
                    posting = SearchPosting(universe: layout.universe)
                }
                let removed = Set(documents.filter { !$0.1 }.map(\.0))
                if !removed.isEmpty { posting.remove { removed.contains($0) } }
                for (document, added) in documents where added && !posting.contains(document) { posting.insert(document) }
                posting.sort()
                postings[term] = posting.count == 0 ? nil : posting.encoded(all: all)
            }
            outcome.written.append(try writeTermShard(shard, postings.map { ($0.key, $0.value) }))
        }
        return (outcome, layout)
    }

    /// A file of the previous build, when its bytes are those recorded.
    private func readPrevious(_ path: String, _ previous: [String: BuildManifest.Entry]) -> String? {
        guard let entry = previous[path], let data = try? Data(contentsOf: writer.output.appendingPathComponent(path)),
            ContentHash.of(data) == entry.hash
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func termShards(inManifest text: String) -> Int? {
        guard let start = text.range(of: "\"termShards\":") else { return nil }
        return Int(text[start.upperBound...].prefix { $0.isNumber })
    }

    static func allPosting(inManifest text: String) -> String? {
        guard let start = text.range(of: "\"all\":\"") else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
