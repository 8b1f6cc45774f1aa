import Foundation

/// The steps that make the output folder the new site in an incremental build, written down (as a
/// `RecordFile` beside the output folder) before any is made, so that a build killed half-way is
/// completed by the next one. Every step can be repeated.
///
/// The order is what keeps a killed build recoverable: the old manifest goes first (until the new
/// one is in place, no build trusts the folder's records and none can say "nothing changed"), the
/// new manifest comes last.
struct CommitJournal: Sendable, Equatable {
    /// The staging folder's name, beside the output folder.
    var staging: String
    /// Entries a build never writes (links, files added by hand), removed before any move.
    var removals: [SafePath]
    /// Folders swept of entries whose names no site path can have (`""`: the output folder).
    var sweeps: [String] = []
    /// Changed files, moved from the staging folder.
    var moves: [SafePath]
    /// Files of the previous site that the new one does not have.
    var deletions: [SafePath]

    /// Where the journal of `output` is kept: beside it, like its lock.
    static func path(of output: URL) -> String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).journal").path
    }

    /// The staging folders of builds into `output` are named `.<output>.staging-<pid>-<random>`.
    static func isStagingName(_ name: String, output: URL) -> Bool {
        let prefix = ".\(output.lastPathComponent).staging-"
        guard name.hasPrefix(prefix) else { return false }
        let rest = name.dropFirst(prefix.count)
        return !rest.isEmpty && rest.allSatisfy { $0 == "-" || $0.isASCII && $0.isNumber }
    }

    init(staging: String, removals: [SafePath], sweeps: [String] = [], moves: [SafePath], deletions: [SafePath]) {
        self.staging = staging
        self.removals = removals
        self.sweeps = sweeps
        self.moves = moves
        self.deletions = deletions
    }

    var body: [UInt8] {
        var lines = ["S " + staging]
        lines += removals.map { "R " + $0.value }
        lines += sweeps.map { "U " + ($0.isEmpty ? "." : $0) }
        lines += moves.map { "M " + $0.value }
        lines += deletions.map { "D " + $0.value }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Reads a body; nil when a line is not what `body` writes, the staging folder is not one of
    /// `output`'s or a path could leave the output folder.
    init?(body: ArraySlice<UInt8>, output: URL) {
        guard let text = String(validating: body, as: UTF8.self), text.hasSuffix("\n") else { return nil }
        var staging: String?
        var removals: [SafePath] = []
        var sweeps: [String] = []
        var moves: [SafePath] = []
        var deletions: [SafePath] = []
        for line in text.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.count > 2, line.dropFirst().first == " " else { return nil }
            let value = line.dropFirst(2)
            switch line.first {
            case "S":
                guard staging == nil, Self.isStagingName(String(value), output: output) else { return nil }
                staging = String(value)
            case "U":
                guard value == "." || SafePath(value) != nil else { return nil }
                sweeps.append(value == "." ? "" : String(value))
            case "R", "M", "D":
                guard let path = SafePath(value) else { return nil }
                switch line.first {
                case "R": removals.append(path)
                case "M": moves.append(path)
                default: deletions.append(path)
                }
            default: return nil
            }
        }
        guard let staging else { return nil }
        self.init(staging: staging, removals: removals, sweeps: sweeps, moves: moves, deletions: deletions)
    }

    /// Carries the journal out in `output` (whose parent is `parent`); `faults` is for tests.
    /// `finish` runs once the site's files are in place, before the records are moved in: the
    /// committing build stages its manifest there (a replay after a kill has none to run, and
    /// moves in the manifest the killed build staged, if it got that far).
    func carryOut(
        output: ContainedFolder, parent: ContainedFolder, journalPath: String, faults: FaultPlan?,
        finish: () throws(SystemError) -> Void = {}
    ) throws(SystemError) {
        let manifest = SafePath(BuildManifest.fileName)!
        // Once every move is made the staging folder is removed: a replay finds none and moves nothing.
        let source = try? ContainedFolder(parent.path + "/" + staging)
        // Until the new manifest is in (the staging folder then holds `committed`), the output's is the old one.
        let committed = ".portal-gen-committed"
        if source?.stamp(of: SafePath(committed)!) == nil {
            try output.remove(manifest)
            try faults?.reach(.commit, "old manifest removed")
        }
        for path in removals {
            try output.remove(path)
            try faults?.reach(.commit, "removed \(path)")
        }
        for folder in sweeps {
            try output.sweep(SafePath(folder))
            try faults?.reach(.commit, "swept \(folder.isEmpty ? "." : folder)")
        }
        if let source {
            for path in moves {
                try output.moveIn(path, from: source)
                try faults?.reach(.commit, "moved \(path)")
            }
        }
        for path in deletions {
            try output.remove(path)
            try faults?.reach(.commit, "deleted \(path)")
        }
        try finish()
        if let source {
            try output.moveIn(SafePath(ParseCache.fileName)!, from: source)
            try output.moveIn(manifest, from: source)
            try faults?.reach(.commit, "new manifest moved in")
            try source.createFile(committed)
        }
        guard unlink(journalPath) == 0 || errno == ENOENT else { throw SystemError("删除 \(journalPath)") }
        try faults?.reach(.commit, "journal removed")
        try parent.removeEntry(staging)
    }
}
