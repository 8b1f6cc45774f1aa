/// Where everything of the search index lives: the number of each report, the document shard that
/// holds it, how many term shards there are, and the paths of the files.
///
/// A report's number is `(newest year − its year) × townships + its township's place in
/// portal.yml`: it does not change when a report is edited, added or removed (only when a newer year
/// or a township in the middle of the list is added), the browser tells a report's year and township
/// from its number without loading anything (so the filters cost nothing), and numbers ascending
/// are the order results are shown in (newest year first, then the county's township order).
///
/// Document shards are blocks of up to 5 years × 5 townships, so that
/// the first results of a query (one year's first townships, or one township's years) lie in one
/// or two shards.
struct SearchLayout: Sendable, Equatable {
    /// The index format, raised whenever the files change shape (the browser checks it).
    static let format = 1
    static let folder = "search"
    static let manifestPath = "search/manifest.js"
    /// The township names, loaded only for the township filter.
    static let townshipsPath = "search/townships.js"
    /// Term shards are about this large on average (their number is decided once the postings are
    /// known, see `termShards(forBytes:)`).
    static let termShardBytes = 2048
    /// About this many reports per document shard (5 years × 5 townships).
    static let reportsPerDocumentShard = 25

    let townships: [Township]
    let newestYear: Int
    /// Years from the oldest report's to the newest's.
    let yearSpan: Int
    let blockYears: Int
    let blockTownships: Int
    /// How many term shards: a multiple of 64 (so that a term's shard modulo 64 is its hash modulo
    /// 64, which the index builder's tables use), decided from the size of the postings.
    private(set) var termShards = 64

    init(portal: Portal) {
        townships = portal.config.townships
        newestYear = portal.years.first ?? 0
        yearSpan = portal.years.isEmpty ? 0 : newestYear - portal.years.last! + 1
        blockYears = max(1, min(yearSpan, 5))
        blockTownships = max(1, Self.reportsPerDocumentShard / blockYears)
        townshipIndex = Dictionary(uniqueKeysWithValues: townships.enumerated().map { ($1.slug, $0) })
    }

    private let townshipIndex: [String: Int]

    /// One more than the largest document number.
    var universe: Int { yearSpan * townships.count }
    var townshipBlocks: Int { (townships.count + blockTownships - 1) / blockTownships }
    var documentShards: Int { ((yearSpan + blockYears - 1) / blockYears) * townshipBlocks }

    func document(_ report: Report) -> UInt32 {
        UInt32((newestYear - report.year) * townships.count + townshipIndex[report.township.slug]!)
    }

    func documentShard(of document: UInt32) -> Int {
        let row = Int(document) / townships.count
        let column = Int(document) % townships.count
        return (row / blockYears) * townshipBlocks + column / blockTownships
    }

    /// The layout with `count` term shards.
    func withTermShards(_ count: Int) -> SearchLayout {
        var layout = self
        layout.termShards = count
        return layout
    }

    /// Enough shards of about `termShardBytes` for postings of about `bytes` bytes, rounded up to a
    /// multiple of 64 (so that the count rarely changes from one build to the next).
    static func termShards(forBytes bytes: Int) -> Int {
        max(1, (bytes / termShardBytes + 63) / 64) * 64
    }

    func termShard(of term: String) -> Int { Int(SearchTerm.fnv1a(term) % UInt32(termShards)) }
    func termShard(of term: SearchTerm) -> Int { Int(term.fnv1a % UInt32(termShards)) }

    static func termShardPath(_ shard: Int) -> String { "search/t/\(shard).js" }
    static func documentShardPath(_ shard: Int) -> String { "search/d/\(shard).js" }

    /// The index files that pages link to (the shards are loaded by the script, not linked).
    static let linkedPaths = [manifestPath, townshipsPath]

    /// What the layout is made of: a report's number and document shard change when this does
    /// (the number of term shards is not in it: see `SearchIndexWriter`).
    var fingerprint: String {
        ContentHash.of(
            ["search \(Self.format) \(SearchTokenizer.longestTerm)", "\(newestYear) \(yearSpan) \(blockYears) \(blockTownships)"]
                .joined(separator: "\n") + "\n" + townships.map { "\($0.slug) \($0.name)" }.joined(separator: "\n"))
    }
}
