import Foundation

/// What the last successful build was made from and what it wrote, kept in the output folder so
/// the next build can skip work and leave unchanged files untouched.
///
/// It is read back as a `RecordFile` (checksummed, tied to the portal-gen build); every path in it
/// must be a `SafePath`. Any doubt means it is ignored and the site is built from the content alone.
struct BuildManifest: Sendable, Equatable {
    static let fileName = ".portal-gen-manifest"

    /// One file of the site as the build left it.
    struct Entry: Sendable, Equatable {
        /// Fingerprint of the file's bytes.
        var hash: String
        /// Fingerprint of what the file is made from, when that is tracked (then an unchanged
        /// fingerprint means the file is kept without making it again).
        var inputs: String?
        /// The file's size, modification time and inode right after the build, to notice hand edits.
        var stamp: FileStamp
    }

    /// Fingerprint of everything a build reads (see `SiteBuilder`); empty when the build could not
    /// tell it for certain, so that the next build never takes the nothing-changed shortcut.
    var inputs: String
    /// Path relative to the output folder → entry.
    var files: [String: Entry]
    /// Every folder of the site (the root excepted) → its stamp once the build was committed.
    var folders: [String: FileStamp] = [:]
    /// When the folders' stamps were taken (nanoseconds since 1970): a folder changed within
    /// `ContentLoader.Snapshot.racyWindow` of it may change again without its time moving.
    var recorded: Int64 = 0
    /// Warnings of that build, printed again when nothing changed.
    var warnings: [Diagnostic]
    var reports: Int
    var pages: Int

    /// The manifest file's bytes and what they hold: nil when there is none. When the bytes are
    /// those of `known`, its manifest is used as it is (reading one is a parse of every line).
    static func read(from output: URL, known: Reading? = nil) -> (bytes: [UInt8], manifest: Result<BuildManifest, RecordFile.Rejection>)? {
        switch RecordFile.readPlainFile(output.appendingPathComponent(fileName).path, limit: RecordFile.maximumSize) {
        case .none: return nil
        case .failure(let error): return ([], .failure(.unreadable(error.reason)))
        case .success(let bytes):
            if let known, known.bytes == bytes { return (bytes, .success(known.manifest)) }
            return (bytes, decode(bytes))
        }
    }

    /// The same, taking the manifest from `memory` when it decoded these very bytes already.
    static func read(from output: URL, memory: BuildMemory?) async -> (bytes: [UInt8], manifest: Result<BuildManifest, RecordFile.Rejection>)? {
        switch RecordFile.readPlainFile(output.appendingPathComponent(fileName).path, limit: RecordFile.maximumSize) {
        case .none: return nil
        case .failure(let error): return ([], .failure(.unreadable(error.reason)))
        case .success(let bytes):
            if let remembered = await memory?.manifest(matching: bytes) { return (bytes, .success(remembered)) }
            return (bytes, decode(bytes))
        }
    }

    private static func decode(_ bytes: [UInt8]) -> Result<BuildManifest, RecordFile.Rejection> {
        RecordFile.open(bytes, as: .manifest).flatMap { body in BuildManifest(body: body).map { .success($0) } ?? .failure(.damaged) }
    }

    /// The manifest as a build read it, with the output folder as it found it, handed to the
    /// writer so that neither is read twice when the file has not changed since.
    struct Reading: Sendable {
        var bytes: [UInt8]
        var manifest: BuildManifest
        var tree: OutputTree
    }

    init(
        inputs: String, files: [String: Entry], folders: [String: FileStamp] = [:], recorded: Int64 = 0,
        warnings: [Diagnostic], reports: Int, pages: Int
    ) {
        self.inputs = inputs
        self.files = files
        self.folders = folders
        self.recorded = recorded
        self.warnings = warnings
        self.reports = reports
        self.pages = pages
    }

    /// The record's body: a few `key value` lines, then one line per file:
    /// `hash inputs size modified inode path` (`-` when the inputs are not tracked), and one per
    /// folder: `/ - size modified inode path`. Handed to `emit` a line at a time: at national
    /// scale the manifest has half a million lines.
    func encode(emit: (_ piece: [UInt8]) -> Void) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let warningsText = String(decoding: (try? encoder.encode(warnings)) ?? Data("[]".utf8), as: UTF8.self)
        var line = Array(
            ["inputs \(inputs)", "reports \(reports)", "pages \(pages)", "recorded \(recorded)", "warnings " + warningsText, ""]
                .joined(separator: "\n").utf8)
        emit(line)
        for path in files.keys.sorted() {
            let entry = files[path]!
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: entry.hash.utf8)
            line.append(0x20)
            line.append(contentsOf: (entry.inputs ?? "-").utf8)
            line.append(contentsOf: " \(entry.stamp.size) \(entry.stamp.modified) \(entry.stamp.inode) ".utf8)
            line.append(contentsOf: path.utf8)
            line.append(0x0A)
            emit(line)
        }
        for path in folders.keys.sorted() {
            let stamp = folders[path]!
            emit(Array("/ - \(stamp.size) \(stamp.modified) \(stamp.inode) \(path)\n".utf8))
        }
    }

    /// Reads a body that `encode` wrote; nil when any line is not what it wrote.
    init?(body: ArraySlice<UInt8>) {
        // Split on bytes, not characters: the manifest has a line per output file (20,000 at
        // 10,000 reports), and grapheme-aware splitting was most of the time of reading it.
        var lines = body.split(separator: 0x0A, omittingEmptySubsequences: false)[...]
        func value(_ key: String) -> String? {
            guard let line = lines.popFirst(), let text = String(validating: line, as: UTF8.self), text.hasPrefix(key + " ") else { return nil }
            return String(text.dropFirst(key.count + 1))
        }
        guard let inputs = value("inputs"), let reports = value("reports").flatMap({ Int($0) }), let pages = value("pages").flatMap({ Int($0) }),
            let recorded = value("recorded").flatMap({ Int64($0) }), let warningsText = value("warnings"),
            let warnings = try? JSONDecoder().decode([Diagnostic].self, from: Data(warningsText.utf8))
        else { return nil }
        guard lines.last?.isEmpty == true else { return nil }
        lines.removeLast()
        var files: [String: Entry] = [:]
        var folders: [String: FileStamp] = [:]
        files.reserveCapacity(lines.count)
        // Numbers read straight from the bytes: the manifest has a line per file and folder of the site.
        func number(_ bytes: ArraySlice<UInt8>) -> Int64? {
            guard !bytes.isEmpty, bytes.count <= 19 else { return nil }
            var value: Int64 = 0
            for byte in bytes {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, carry) = times.addingReportingOverflow(Int64(byte - 0x30))
                guard !overflow, !carry else { return nil }
                value = sum
            }
            return value
        }
        for line in lines {
            let parts = line.split(separator: 0x20, maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, let hash = String(validating: parts[0], as: UTF8.self), !hash.isEmpty,
                let inputs = String(validating: parts[1], as: UTF8.self), !inputs.isEmpty,
                let size = number(parts[2]), let modified = number(parts[3]), let inode = number(parts[4]).map(UInt64.init),
                let text = String(validating: parts[5], as: UTF8.self), let path = SafePath(text), !OutputTree.records.contains(path.value)
            else { return nil }
            if hash == "/" {
                folders[path.value] = FileStamp(size: size, modified: modified, inode: inode)
                continue
            }
            files[path.value] = Entry(hash: hash, inputs: inputs == "-" ? nil : inputs, stamp: FileStamp(size: size, modified: modified, inode: inode))
        }
        self.init(inputs: inputs, files: files, folders: folders, recorded: recorded, warnings: warnings, reports: reports, pages: pages)
    }

    /// The fingerprint of a build's inputs, from file metadata and small files only, so that
    /// finding out that nothing changed costs a directory walk, not a build.
    static func fingerprint(version: String, options: String, settings: String, theme: URL, contentStamps: String, today: CalendarDate) -> String {
        // Today's date is part of it: some warnings (a publication date still to come) depend on it.
        var parts = [siteFingerprint(version: version, options: options, settings: settings), "today \(today)"]
        for file in Theme.files(under: theme) {
            parts.append("theme \(file.path) " + ((try? Data(contentsOf: file)).map(ContentHash.of) ?? "unreadable"))
        }
        return ContentHash.of((parts + [contentStamps]).joined(separator: "\n"))
    }

    /// Fingerprint of what every output file depends on: portal-gen, the options and the settings.
    /// Pages add the fingerprint of the templates they use (`Theme.templateInputs`).
    /// `settings` is the fingerprint of the settings file's bytes as they were read and parsed
    /// (`ContentLoader.Snapshot.settingsHash`), so an edit during the build cannot be recorded as built.
    static func siteFingerprint(version: String, options: String, settings: String) -> String {
        ContentHash.of(["portal-gen \(version) \(PortalKit.buildIdentity)", options, "settings " + settings].joined(separator: "\n"))
    }
}
