import CPortalSystem
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the site into a staging folder beside the output folder and makes it the output only
/// when the whole build succeeded, so a failed or interrupted build never leaves a half-written site.
///
/// Without a trusted record of the previous build (a first build, `--clean`, a damaged manifest),
/// or with `atomic`, the whole site is staged (unchanged files hard-linked from the published site
/// when `atomic`) and exchanged with the output folder in one rename. Otherwise only the files whose
/// bytes changed are staged and `CommitJournal` moves them in. Either way the folder is first
/// compared with what the last build recorded (`OutputTree`): a file deleted, edited or added by
/// hand, or a symbolic link placed in it, is put right; nothing outside the folder is ever touched.
struct OutputWriter: Sendable {
    /// A file portal-gen leaves in every output folder it creates; a non-empty folder without it is
    /// never replaced (it might be the user's own files).
    static let marker = ".portal-gen-output"

    let output: URL
    let staging: URL
    /// The previous build's files that are still exactly as it left them; a file whose new bytes or
    /// inputs match is kept. nil when the whole site is staged.
    let previous: [String: BuildManifest.Entry]?
    /// Whether only changed files are staged (see the type's description).
    var stagesChangesOnly: Bool { previous != nil && !atomic }
    /// Entries of the output folder that a build never writes, removed when the site is committed.
    let strays: [SafePath]
    /// Folders holding entries whose names no site path can have (`""`: the output folder itself).
    let sweeps: [String]
    /// The folders of the output folder as the scan found them, with their stamps.
    private let scannedFolders: [String: FileStamp]
    /// Warnings about records of the previous build that were ignored (never replayed later).
    let notices: [Diagnostic]
    private let atomic: Bool
    private let faults: FaultPlan?
    private let lock: OutputLock
    private let stagingFolder: ContainedFolder
    private let parentFolder: ContainedFolder
    private let displayPath: @Sendable (URL) -> String

    /// What happened to one file of the site.
    struct Written: Sendable {
        var path: String
        var hash: String
        /// Fingerprint of what it was made from, when tracked.
        var inputs: String?
        var stamp: FileStamp
        /// True when the published file was kept because its bytes (or its inputs) did not change.
        var unchanged: Bool
    }

    /// Checks that `output` may be replaced, locks it, completes an interrupted build, compares the
    /// folder with the previous build's manifest and creates an empty staging folder beside it.
    /// `protected` are folders the output must neither be nor contain (content, theme).
    /// `fresh` ignores the previous build (every file is written again, as by a first build).
    /// `known` is the manifest and the scan of the folder as the build read them before the lock:
    /// used when the manifest still holds exactly those bytes once the folder is locked.
    init(
        output: URL, protected: [URL], fresh: Bool = false, atomic: Bool = false, faults: FaultPlan? = nil,
        known: BuildManifest.Reading? = nil, displayPath: @escaping @Sendable (URL) -> String
    ) async throws(DiagnosticsError) {
        let output = output.standardizedFileURL.resolvingSymlinksInPath()
        self.output = output
        self.displayPath = displayPath
        self.atomic = atomic
        self.faults = faults
        let shown = displayPath(output)
        let fm = FileManager.default
        func refuse(_ message: Message) -> DiagnosticsError { DiagnosticsError([.error(message, at: nil)]) }

        let homes = [fm.homeDirectoryForCurrentUser.path, ProcessInfo.processInfo.environment["HOME"]].compactMap { $0 }
            .map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        if output.path == "/" || homes.contains(output.path) {
            throw refuse(.outputRefusedFolder(folder: output.path))
        }
        for folder in protected {
            let folder = folder.standardizedFileURL.resolvingSymlinksInPath().path
            if folder == output.path || folder.hasPrefix(output.path + "/") {
                throw refuse(.outputWouldReplace(output: shown, folder: displayPath(URL(fileURLWithPath: folder))))
            }
            if output.path.hasPrefix(folder + "/") {
                throw refuse(.outputInsideSources(output: shown, folder: displayPath(URL(fileURLWithPath: folder))))
            }
        }
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else {
                throw refuse(.outputIsFile(output: shown))
            }
            let entries = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
            if !entries.isEmpty && !entries.contains(Self.marker) {
                throw refuse(.outputNotOurs(output: shown))
            }
        }
        let parent = output.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            parentFolder = try ContainedFolder(parent.path)
        } catch {
            throw refuse(.outputParentUnusable(folder: displayPath(parent), reason: Self.reason(error)))
        }
        do throws(OutputLock.Failure) {
            lock = try OutputLock(beside: output)
        } catch {
            switch error {
            case .held: throw refuse(.outputLocked(output: shown))
            case .cannotCreate(let error): throw refuse(.lockUncreatable(output: shown, reason: error.reason))
            }
        }
        var notices: [Diagnostic] = []
        do throws(SystemError) {
            try OutputRecovery.run(output: output, parent: parentFolder, faults: faults, notices: &notices, displayPath: displayPath)
        } catch {
            throw refuse(.recoveryFailed(output: shown, reason: "\(error)"))
        }
        var trusted: [String: BuildManifest.Entry]?
        var strays: [SafePath] = []
        var sweeps: [String] = []
        var folders: [String: FileStamp] = [:]
        if !fresh, fm.fileExists(atPath: output.path) {
            let read = BuildManifest.read(from: output, known: known)
            switch read?.manifest {
            case .none: break
            case .failure(let rejection):
                notices.append(
                    .warning(
                        .recordIgnored(record: .manifest, path: displayPath(output.appendingPathComponent(BuildManifest.fileName)), problem: rejection.problem),
                        at: nil))
            case .success(let manifest):
                let reuse = known.flatMap { $0.bytes == read?.bytes ? $0 : nil }
                let tree = if let reuse { reuse.tree } else { await OutputTree.scan(output.path, expecting: manifest) }
                let check = Self.compare(manifest, with: tree)
                trusted = check.trusted
                strays = check.strays
                sweeps = check.sweeps
                folders = tree.folders
            }
        }
        previous = trusted
        self.strays = strays
        self.sweeps = sweeps
        scannedFolders = folders
        self.notices = notices
        staging = parent.appendingPathComponent(
            ".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do throws(SystemError) {
            guard mkdir(staging.path, 0o755) == 0 else { throw SystemError("创建 \(staging.path)") }
            stagingFolder = try ContainedFolder(staging.path)
        } catch {
            lock.release()
            throw refuse(.stagingUncreatable(output: shown, reason: error.reason))
        }
    }

    /// The previous build's files that are exactly as it left them, and what the folder holds that
    /// no build wrote there. A file deleted, changed or replaced by hand is not trusted: it is written again.
    static func compare(_ manifest: BuildManifest, with tree: OutputTree) -> (
        trusted: [String: BuildManifest.Entry], strays: [SafePath], sweeps: [String], exact: Bool
    ) {
        var trusted: [String: BuildManifest.Entry] = [:]
        trusted.reserveCapacity(manifest.files.count)
        for (path, entry) in manifest.files where tree.files[path] == entry.stamp { trusted[path] = entry }
        var strays = tree.strays
        if tree.files.count != trusted.count {
            strays += tree.files.keys.filter { manifest.files[$0] == nil }
        }
        // Folders made by hand, empty or not.
        strays += tree.folders.keys.filter { manifest.folders[$0] == nil }
        var removals: Set<SafePath> = []
        var sweeps: Set<String> = []
        for stray in strays {
            if let path = SafePath(stray) {
                removals.insert(path)
                continue
            }
            // A name no site path can have (a newline, bytes that are not UTF-8, a path too long):
            // the folder that holds it is swept of such names, by their bytes (`ContainedFolder.sweep`).
            var folder = ""
            for component in stray.split(separator: "/", omittingEmptySubsequences: false).dropLast() {
                let next = folder.isEmpty ? String(component) : folder + "/" + component
                guard SafePath(next) != nil else { break }
                folder = next
            }
            sweeps.insert(folder)
        }
        return (trusted, removals.sorted(), sweeps.sorted(), trusted.count == manifest.files.count && removals.isEmpty && sweeps.isEmpty)
    }

    /// The system's own words for a file error ("No space left on device"), not Foundation's
    /// generic "The operation could not be completed".
    static func reason(_ error: Error) -> String {
        if let error = error as? SystemError { return error.reason }
        var current: NSError? = error as NSError
        while let error = current {
            if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
            current = error.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        return error.localizedDescription
    }

    /// Writes every byte, retrying interrupted writes; the system's words on failure.
    static func writeAll(_ bytes: some ContiguousBytes, to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    private func failed(_ path: String, _ error: SystemError) -> DiagnosticsError {
        DiagnosticsError([.error(.outputFileUnwritable(path: path, reason: error.reason), at: nil)])
    }

    /// Writes one file of the site (path relative to the output root); `inputs` is the fingerprint
    /// of what it is made from, when tracked.
    @discardableResult
    func write(_ text: String, to path: String, inputs: String? = nil) throws(DiagnosticsError) -> Written {
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(DiagnosticsError) in try write(UnsafeRawBufferPointer(bytes), to: path, inputs: inputs) } }.get()
    }

    @discardableResult
    func write(_ data: Data, to path: String, inputs: String? = nil) throws(DiagnosticsError) -> Written {
        try data.withUnsafeBytes { bytes in Result { () throws(DiagnosticsError) in try write(bytes, to: path, inputs: inputs) } }.get()
    }

    private func write(_ bytes: UnsafeRawBufferPointer, to path: String, inputs: String?) throws(DiagnosticsError) -> Written {
        let hash = ContentHash.of(bytes)
        if let kept = unchanged(path, hash: hash, inputs: inputs) { return kept }
        let stamp = try create(path) { descriptor in Self.writeAll(bytes, to: descriptor) }
        return Written(path: path, hash: hash, inputs: inputs, stamp: stamp, unchanged: false)
    }

    /// The published file at `path` when it already holds bytes with this fingerprint.
    private func unchanged(_ path: String, hash: String, inputs: String?) -> Written? {
        guard let entry = previous?[path], entry.hash == hash else { return nil }
        return Written(path: path, hash: hash, inputs: inputs, stamp: entry.stamp, unchanged: true)
    }

    /// Creates `path` in the staging folder (and its folder), lets `fill` write to it and closes it;
    /// returns the file's stamp. `fill` returns the error number of a failed write.
    private func create(_ path: String, _ fill: (Int32) -> Int32?) throws(DiagnosticsError) -> FileStamp {
        guard SafePath(path) != nil else {
            throw DiagnosticsError([.error(.sitePathInvalid(path: path), at: nil)])
        }
        do throws(SystemError) {
            try faults?.reach(.stage, path)
            return try createStaged(path, fill)
        } catch {
            throw failed(path, error)
        }
    }

    /// `create` without the checks, for portal-gen's own records; the system's error as it is.
    private func createStaged(_ path: String, _ fill: (Int32) -> Int32?) throws(SystemError) -> FileStamp {
        let file = staging.path + "/" + path
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let folder = String(path[..<slash])
            if !folders.made.withLock({ $0.contains(folder) }) {
                do {
                    try FileManager.default.createDirectory(atPath: staging.path + "/" + folder, withIntermediateDirectories: true)
                } catch {
                    throw SystemError("创建文件夹 \(folder)", code: (error as NSError).domain == NSPOSIXErrorDomain ? Int32((error as NSError).code) : EIO)
                }
                folders.made.withLock { _ = $0.insert(folder) }
            }
        }
        let descriptor = open(file, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw SystemError("写入 \(path)") }
        var failure = fill(descriptor)
        let stamp = FileStamp.of(descriptor: descriptor)
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure { throw SystemError("写入 \(path)", code: failure) }
        guard let stamp else { throw SystemError("写入 \(path)") }
        return stamp
    }

    /// The staging folder's subfolders already created: a site has thousands of folders, and every
    /// file asked Foundation to create its folder again.
    private final class Folders: Sendable {
        let made = Mutex<Set<String>>([])
    }
    private let folders = Folders()

    /// Writes a file made in pieces by `produce` (see `FileSink`); like `write`, a file whose bytes
    /// equal the published one's is left as it was.
    func write(to path: String, inputs: String? = nil, _ produce: (inout FileSink) -> Void) throws(DiagnosticsError) -> Written {
        var hash = ""
        let stamp = try create(path) { descriptor in
            var sink = FileSink(descriptor: descriptor)
            produce(&sink)
            sink.flush()
            hash = sink.hash.value
            return sink.failure
        }
        if let kept = unchanged(path, hash: hash, inputs: inputs) {
            unlink(staging.appendingPathComponent(path).path)
            return kept
        }
        return Written(path: path, hash: hash, inputs: inputs, stamp: stamp, unchanged: false)
    }

    /// Stages one of portal-gen's own records (not a file of the site), made in pieces by `produce`
    /// and sealed as a `RecordFile`; it is moved in by `commit`.
    func stage(record name: String, kind: RecordFile.Kind, _ produce: (inout FileSink) -> Void) throws(DiagnosticsError) {
        do throws(SystemError) {
            try stageRecord(name, kind: kind, produce)
        } catch {
            throw failed(name, error)
        }
    }

    private func stageRecord(_ name: String, kind: RecordFile.Kind, _ produce: (inout FileSink) -> Void) throws(SystemError) {
        _ = try createStaged(name) { descriptor in
            var sink = FileSink(descriptor: descriptor)
            sink.append(RecordFile.header(kind))
            produce(&sink)
            sink.seal()
            return sink.failure
        }
    }

    /// Keeps the published file at `path` without making it again, when it was made from the same
    /// `inputs` (a fingerprint; nil means untracked). Returns nil otherwise, and the caller makes the file.
    func keep(_ path: String, inputs: String?) -> Written? {
        guard let inputs, let entry = previous?[path], entry.inputs == inputs else { return nil }
        return Written(path: path, hash: entry.hash, inputs: inputs, stamp: entry.stamp, unchanged: true)
    }

    @discardableResult
    func copy(_ source: URL, to path: String) throws(DiagnosticsError) -> Written {
        let data: Data
        do {
            data = try Data(contentsOf: source)
        } catch {
            throw DiagnosticsError([.error(.themeFileUnreadable(reason: Self.reason(error)), at: SourceLocation(file: displayPath(source), line: 1))])
        }
        return try write(data, to: path)
    }

    /// What the build found, recorded in the manifest beside the files.
    struct Summary: Sendable {
        /// Fingerprint of the build's inputs (empty: never take the nothing-changed shortcut next time).
        var inputs: String
        var warnings: [Diagnostic]
        var reports: Int
        var pages: Int
    }

    /// Makes the staged build the output: exchanges folders for a whole staged site, or carries out
    /// a `CommitJournal` for the changed files. `written` are all files of the new site.
    /// On a thrown error the output is the previous site or a state the next build completes; the
    /// caller discards the staging folder, as for any failed build.
    func commit(_ summary: Summary, written: [Written]) throws(DiagnosticsError) {
        var written = written
        written.append(try write("此文件夹由 portal-gen 生成，每次构建都会更新。\nThis folder was generated by portal-gen; it is replaced on every build.\n", to: Self.marker))
        var files: [String: BuildManifest.Entry] = [:]
        files.reserveCapacity(written.count)
        for file in written { files[file.path] = BuildManifest.Entry(hash: file.hash, inputs: file.inputs, stamp: file.stamp) }
        let siteFolders = OutputTree.folders(of: files.keys)
        // The manifest records the folders' stamps as the commit leaves them, so it is made last.
        func stageManifest(folders: [String: FileStamp]) throws(SystemError) {
            let manifest = BuildManifest(
                inputs: summary.inputs, files: files, folders: folders, recorded: ContentLoader.Snapshot.now(),
                warnings: summary.warnings, reports: summary.reports, pages: summary.pages)
            try stageRecord(BuildManifest.fileName, kind: .manifest) { sink in manifest.encode { sink.append($0) } }
        }
        do throws(SystemError) {
            if !stagesChangesOnly {
                if atomic, let previous { try linkUnchanged(written, previous: previous) }
                try stageManifest(folders: OutputTree.folderStamps(in: stagingFolder, siteFolders))
                try exchange()
            } else {
                try commitChanges(written: written) { (published: ContainedFolder, touched: Set<String>) throws(SystemError) in
                    var folders: [String: FileStamp] = [:]
                    var restamp: [String] = []
                    for folder in siteFolders {
                        if !touched.contains(folder), let stamp = scannedFolders[folder] { folders[folder] = stamp } else { restamp.append(folder) }
                    }
                    folders.merge(OutputTree.folderStamps(in: published, restamp)) { first, _ in first }
                    try stageManifest(folders: folders)
                }
            }
        } catch {
            throw DiagnosticsError([.error(.commitFailed(output: displayPath(output), reason: "\(error)"), at: nil)])
        }
        lock.release()
    }

    /// For an atomic commit of an incremental build: the unchanged files are hard-linked into the
    /// staging folder, so the staged folder is the whole site and the files keep their inode and time.
    private func linkUnchanged(_ written: [Written], previous: [String: BuildManifest.Entry]) throws(SystemError) {
        let published = try ContainedFolder(output.path)
        for file in written where file.unchanged {
            guard let path = SafePath(file.path) else { continue }
            try stagingFolder.link(path, from: published)
        }
    }

    /// Puts the whole staged site in place of the output folder in one `rename` (the kernel's
    /// exchange of two names), then removes the previous site.
    private func exchange() throws(SystemError) {
        let name = output.lastPathComponent
        try faults?.reach(.commit, "before exchange")
        if portal_renameat2(parentFolder.descriptor, staging.lastPathComponent, parentFolder.descriptor, name, portal_rename_noreplace) == 0 {
            try faults?.reach(.commit, "moved in")
            return
        }
        guard errno == EEXIST || errno == ENOTEMPTY else { throw SystemError("把暂存文件夹移为 \(output.path)") }
        if portal_renameat2(parentFolder.descriptor, staging.lastPathComponent, parentFolder.descriptor, name, portal_rename_exchange) == 0 {
            try faults?.reach(.commit, "exchanged")
            // The staging folder's name now holds the previous site.
            try parentFolder.removeEntry(staging.lastPathComponent)
            return
        }
        guard errno == EINVAL || errno == ENOSYS else { throw SystemError("用暂存文件夹替换 \(output.path)") }
        // A file system without the exchange: two renames; a build killed between them leaves
        // `.<output>.old-…`, which the next build puts back (`OutputRecovery`).
        let old = ".\(name).old-\(ProcessInfo.processInfo.processIdentifier)"
        try? parentFolder.removeEntry(old)
        guard renameat(parentFolder.descriptor, name, parentFolder.descriptor, old) == 0 else { throw SystemError("移开 \(output.path)") }
        try faults?.reach(.commit, "previous site moved aside")
        guard renameat(parentFolder.descriptor, staging.lastPathComponent, parentFolder.descriptor, name) == 0 else {
            let error = SystemError("把暂存文件夹移为 \(output.path)")
            renameat(parentFolder.descriptor, old, parentFolder.descriptor, name)
            throw error
        }
        try faults?.reach(.commit, "moved in")
        try parentFolder.removeEntry(old)
    }

    /// Writes the journal of the changes, then carries it out; `finish` stages the manifest once
    /// the output folder holds the new site (given the folders the changes touched).
    private func commitChanges(
        written: [Written],
        finish: (ContainedFolder, Set<String>) throws(SystemError) -> Void
    ) throws(SystemError) {
        let kept = Set(written.map(\.path))
        let journal = CommitJournal(
            staging: staging.lastPathComponent, removals: strays, sweeps: sweeps,
            moves: written.filter { !$0.unchanged }.compactMap { SafePath($0.path) }.sorted(),
            deletions: (previous ?? [:]).keys.filter { !kept.contains($0) }.compactMap { SafePath($0) }.sorted())
        let path = CommitJournal.path(of: output)
        let pending = path + ".new"
        let bytes = RecordFile.seal(.journal, body: journal.body)
        let descriptor = open(pending, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw SystemError("写入 \(pending)") }
        // No fsync: after a power cut a journal that did not reach the disk fails its checksum, and
        // with the old manifest already gone the next build rebuilds the whole site.
        var failure = Self.writeAll(bytes, to: descriptor)
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure {
            unlink(pending)
            throw SystemError("写入 \(pending)", code: failure)
        }
        try faults?.reach(.commit, "journal staged")
        guard rename(pending, path) == 0 else {
            let error = SystemError("写入 \(path)")
            unlink(pending)
            throw error
        }
        try faults?.reach(.commit, "journal written")
        let published = try ContainedFolder(output.path)
        let changed: [String] = (journal.removals + journal.moves + journal.deletions).map(\.value)
        var touched = OutputTree.folders(of: changed)
        touched.formUnion(OutputTree.folders(of: sweeps.map { $0 + "/-" }))
        try journal.carryOut(output: published, parent: parentFolder, journalPath: path, faults: faults) { () throws(SystemError) in
            try finish(published, touched)
        }
    }

    /// Removes the staging folder after a failed build and releases the lock; call it once.
    func discard() {
        try? parentFolder.removeEntry(staging.lastPathComponent)
        lock.release()
    }
}

/// The C library's `write`, named apart from `OutputWriter.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
