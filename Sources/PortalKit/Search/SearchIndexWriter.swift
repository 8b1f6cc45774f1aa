import Foundation

/// Builds the search index of a portal and writes its files (see `SearchShards`), streamed: the
/// reports are read a block at a time (one document shard's worth), on all cores, and only the
/// postings are kept, each as a list or a bitmap (see `SearchPosting`).
///
/// Incremental: a document shard is made from its reports' files, so it is kept without reading
/// them when none changed (its inputs). The postings of the previous build are read back from its
/// term shards (each checked against the fingerprint the manifest recorded for it) when the
/// layout is the same; then only the reports of the blocks that changed are read and tokenised,
/// their old numbers taken out of every posting and their new terms put in. Every term shard is
/// encoded again, and the writer keeps those whose bytes did not change: a one-report edit
/// rewrites its document shard and the term shards of the terms it gained or lost.
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
        /// Whether the previous build's postings were used.
        var reusedPostings = false
    }

    /// A block of reports: one document shard.
    private struct Block: Sendable {
        var shard: Int
        var reports: [Report]
        var inputs: String?
        var kept: OutputWriter.Written?
    }

    /// What reading one block gave.
    private struct BlockWork: Sendable {
        var written: OutputWriter.Written?
        var terms: [(document: UInt32, terms: [SearchTerm])]
    }

    func write() async throws(DiagnosticsError) -> Outcome {
        var outcome = Outcome()
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

        var postings: [SearchTerm: SearchPosting] = [:]
        let previous = layoutInputs.flatMap { previousPostings(layoutInputs: $0) }
        let tokenise: [Bool]
        if let previous {
            postings = previous
            outcome.reusedPostings = true
            // The numbers of the blocks read again, and of blocks left without reports, come out of every posting.
            let changed = Set(blocks.filter { $0.kept == nil }.map(\.shard))
            let present = Set(blocks.map(\.shard))
            for term in Array(postings.keys) {
                postings[term]!.remove { changed.contains(layout.documentShard(of: $0)) || !present.contains(layout.documentShard(of: $0)) }
                if postings[term]!.count == 0 { postings[term] = nil }
            }
            tokenise = blocks.map { $0.kept == nil }
        } else {
            tokenise = blocks.map { _ in true }
        }

        // Blocks are read a few at a time on all cores; their terms go into the postings in order.
        let work = blocks.indices.filter { blocks[$0].kept == nil || tokenise[$0] }
        let chunk = max(1, parallelism * 4)
        for start in stride(from: 0, to: work.count, by: chunk) {
            let indices = Array(work[start..<min(start + chunk, work.count)])
            let results = await indices.concurrentMap(width: parallelism) { index -> Result<BlockWork, DiagnosticsError> in
                Result { () throws(DiagnosticsError) in try read(blocks[index], tokenise: tokenise[index]) }
            }
            for result in results {
                let block = try result.get()
                if let written = block.written { outcome.written.append(written) }
                for (document, terms) in block.terms {
                    outcome.reportsRead += 1
                    for term in terms { postings[term, default: SearchPosting(universe: layout.universe)].insert(document) }
                }
            }
        }
        outcome.written += blocks.compactMap(\.kept)

        let all = SearchPosting(universe: layout.universe, documents: portal.reports.map { layout.document($0) })
        var shards = [[(term: String, encoded: String)]](repeating: [], count: layout.termShards)
        for (term, var posting) in postings {
            posting.sort()
            let text = term.text
            shards[layout.termShard(of: text)].append((text, posting.encoded(all: all)))
        }
        for (shard, entries) in shards.enumerated() {
            outcome.written.append(try writer.write(SearchShards.termShard(shard, postings: entries), to: SearchLayout.termShardPath(shard)))
        }
        outcome.written.append(
            try writer.write(
                SearchShards.manifest(layout, all: all, withReports: Set(portal.townshipsWithReports.map(\.slug)), years: portal.years),
                to: SearchLayout.manifestPath, inputs: layoutInputs))
        return outcome
    }

    /// Reads a block's reports: writes its document shard unless kept, and gives its terms when asked.
    private func read(_ block: Block, tokenise: Bool) throws(DiagnosticsError) -> BlockWork {
        var documents: [SearchDocument] = []
        for report in block.reports {
            documents.append(SearchDocument(report: report, layout: layout, markdown: try ReportBody.read(report)))
        }
        var work = BlockWork(written: nil, terms: [])
        if block.kept == nil {
            work.written = try writer.write(
                SearchShards.documentShard(block.shard, documents: documents), to: SearchLayout.documentShardPath(block.shard), inputs: block.inputs)
        }
        if tokenise { work.terms = documents.map { ($0.number, $0.terms) } }
        return work
    }

    /// The previous build's postings, when its index had this layout and every term shard is
    /// exactly as it wrote it; nil otherwise (then every report is read).
    private func previousPostings(layoutInputs: String) -> [SearchTerm: SearchPosting]? {
        guard let previous = writer.previous, previous[SearchLayout.manifestPath]?.inputs == layoutInputs,
            let all = try? readPrevious(SearchLayout.manifestPath, previous).flatMap(Self.allPosting(inManifest:))
                .flatMap({ SearchPosting(encoded: $0, universe: layout.universe, all: nil) })
        else { return nil }
        var postings: [SearchTerm: SearchPosting] = [:]
        for shard in 0..<layout.termShards {
            guard let text = try? readPrevious(SearchLayout.termShardPath(shard), previous),
                let read = SearchShards.readTermShard(text), read.shard == shard
            else { return nil }
            for (term, encoded) in read.postings {
                guard let posting = SearchPosting(encoded: encoded, universe: layout.universe, all: all) else { return nil }
                postings[SearchTerm(term)] = posting
            }
        }
        return postings
    }

    private struct Unreadable: Error {}

    /// A file of the previous build, when its bytes are those recorded.
    private func readPrevious(_ path: String, _ previous: [String: BuildManifest.Entry]) throws -> String? {
        guard let entry = previous[path] else { return nil }
        let data = try Data(contentsOf: writer.output.appendingPathComponent(path))
        guard ContentHash.of(data) == entry.hash else { throw Unreadable() }
        return String(decoding: data, as: UTF8.self)
    }

    static func allPosting(inManifest text: String) -> String? {
        guard let start = text.range(of: "\"all\":\"") else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
