/// Where everything of the search index lives: the number of each report, the document shard that
/// holds it, how many term shards there are, and the paths of the files.
///
/// A report's number is `(newest year − its year) × townships + its township's place in
/// portal.yml`: it does not change when a report is edited, added or removed (only when a newer year
/// or a township in the middle of the list is added), the browser tells a report's year and township
/// from its number without loading anything (so the filters cost nothing), and numbers ascending
/// are the order results are shown in (newest year first, then the county's township order).
///
/// Document shards are blocks of up to `blockYears` years × `blockTownships` townships, so that
/// the first results of a query (one year's first townships, or one township's years) lie in one
/// or two shards.
struct SearchLayout: Sendable, Equatable {
    /// The index format, raised whenever the files change shape (the browser checks it).
    static let format = 1
    static let folder = "search"
    static let manifestPath = "search/manifest.js"
    /// About this many reports per term shard: about 800 shards at 10,000 reports. The count is
    /// rounded up to a multiple of 64, so that adding a report rarely changes it (which rewrites
    /// every term shard).
    static let reportsPerTermShard = 13
    /// About this many reports per document shard.
    static let reportsPerDocumentShard = 50

    let townships: [Township]
    let newestYear: Int
    /// Years from the oldest report's to the newest's.
    let yearSpan: Int
    let blockYears: Int
    let blockTownships: Int
    let termShards: Int

    init(portal: Portal) {
        townships = portal.config.townships
        newestYear = portal.years.first ?? 0
        yearSpan = portal.years.isEmpty ? 0 : newestYear - portal.years.last! + 1
        blockYears = max(1, min(yearSpan, 10))
        blockTownships = max(1, Self.reportsPerDocumentShard / blockYears)
        let wanted = (portal.reports.count + Self.reportsPerTermShard - 1) / Self.reportsPerTermShard
        termShards = wanted <= 64 ? max(1, wanted) : (wanted + 63) / 64 * 64
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

    func termShard(of term: String) -> Int { Int(SearchTerm.fnv1a(term) % UInt32(termShards)) }

    static func termShardPath(_ shard: Int) -> String { "search/t/\(shard).js" }
    static func documentShardPath(_ shard: Int) -> String { "search/d/\(shard).js" }

    /// Every file of the index for these reports (document shards only where there are reports).
    func paths(of portal: Portal) -> [String] {
        let shards = Set(portal.reports.map { documentShard(of: document($0)) })
        return [Self.manifestPath] + (0..<termShards).map(Self.termShardPath) + shards.sorted().map(Self.documentShardPath)
    }

    /// What the layout is made of: a report's number and shard change when this does.
    var fingerprint: String {
        ContentHash.of(
            ["search \(Self.format) \(SearchTokenizer.longestTerm)", "\(newestYear) \(yearSpan) \(blockYears) \(blockTownships) \(termShards)"]
                .joined(separator: "\n") + "\n" + townships.map { "\($0.slug) \($0.name)" }.joined(separator: "\n"))
    }
}
