import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Writes the site into a staging folder beside the output folder and moves it in only when the
/// whole build succeeded, so a failed or interrupted build never leaves a half-written site.
///
/// A first build (or one after any doubt) stages the whole site and swaps folders. When the previous
/// build's manifest can be trusted, only the files whose bytes changed are staged; committing moves
/// them into the output folder and deletes the files that are gone, following a journal written
/// first, so a build killed while moving is completed by the next one (`recoverInterruptedBuild`).
/// Unchanged files are never touched: their modification times stay and a sync uploads nothing.
public struct OutputWriter: Sendable {
    /// A file portal-gen leaves in every output folder it creates; a non-empty folder without it is
    /// never replaced (it might be the user's own files).
    public static let marker = ".portal-gen-output"

    public let output: URL
    public let staging: URL
    /// The previous build's outputs; a file whose new bytes match is left as it is.
    /// nil for a first build, with `fresh`, or when the output folder is in doubt: then the whole site is staged.
    public let previous: BuildManifest?
    /// Whether only changed files are staged (see the type's description).
    public var stagesChangesOnly: Bool { previous != nil }
    /// The journal of an incremental commit, beside the output folder like its lock.
    static func journal(of output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).journal")
    }
    private let displayPath: @Sendable (URL) -> String
    /// An exclusive `flock` on `.<output>.lock` beside the output folder, held until commit or
    /// discard: two builds into one folder never interleave (the kernel releases it if the process dies).
    private let lockDescriptor: Int32

    /// What happened to one file of the site.
    public struct Written: Sendable {
        public var path: String
        public var hash: String
        /// True when the previous file was kept (hard-linked) because its bytes did not change.
        public var unchanged: Bool
    }

    /// Checks that `output` may be replaced and creates an empty staging folder next to it.
    /// `protected` are folders the output must neither be nor contain (content, theme).
    /// `fresh` ignores the previous build (every file is written again, as by a first build).
    /// `known` is the previous manifest as the caller already read it (file bytes and parsed): it is
    /// used when the file still holds exactly those bytes once the folder is locked, else it is read again.
    public init(output: URL, protected: [URL], fresh: Bool = false, known: (data: Data, manifest: BuildManifest)? = nil,
                displayPath: @escaping @Sendable (URL) -> String) throws(DiagnosticsError) {
        let output = output.standardizedFileURL.resolvingSymlinksInPath()
        self.output = output
        self.displayPath = displayPath
        let shown = displayPath(output)
        let fm = FileManager.default
        func refuse(_ message: String) -> DiagnosticsError { DiagnosticsError([.error(message, at: nil)]) }

        let homes = [fm.homeDirectoryForCurrentUser.path, ProcessInfo.processInfo.environment["HOME"]].compactMap { $0 }
            .map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        if output.path == "/" || homes.contains(output.path) {
            throw refuse("refusing to write the site into `\(output.path)`; choose an output folder of its own, such as --output Output")
        }
        for folder in protected {
            let folder = folder.standardizedFileURL.resolvingSymlinksInPath().path
            if folder == output.path || folder.hasPrefix(output.path + "/") {
                throw refuse("refusing to write the site into `\(shown)`: it would replace `\(displayPath(URL(fileURLWithPath: folder)))`; choose an output folder of its own, such as --output Output")
            }
            if output.path.hasPrefix(folder + "/") {
                throw refuse("refusing to write the site into `\(shown)`, inside `\(displayPath(URL(fileURLWithPath: folder)))`; choose an output folder outside the content and theme folders")
            }
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw refuse("`\(shown)` is a file, not a folder; remove it or choose another --output")
            }
            let entries = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
            if !entries.isEmpty && !entries.contains(Self.marker) {
                throw refuse("`\(shown)` already holds files that portal-gen did not write; refusing to replace them. Choose another --output, or empty that folder yourself")
            }
        }
        let parent = output.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw refuse("cannot create the folder `\(displayPath(parent))`: \(error.localizedDescription)")
        }
        let name = output.lastPathComponent
        let descriptor = open(parent.appendingPathComponent(".\(name).lock").path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw refuse("cannot create a lock file beside `\(shown)` (\(String(cString: strerror(errno)))); check that the folder is writable")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw refuse("another portal-gen build is writing `\(shown)` right now; wait for it to finish, then build again")
        }
        lockDescriptor = descriptor
        Self.recoverInterruptedBuild(output: output, parent: parent)
        if !fresh, let data = BuildManifest.bytes(in: output) {
            previous = known.flatMap { $0.data == data ? $0.manifest : nil } ?? BuildManifest(data: data)
        } else {
            previous = nil
        }
        staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            flock(descriptor, LOCK_UN)
            close(descriptor)
            throw refuse("cannot create a staging folder beside `\(shown)`: \(error.localizedDescription)")
        }
    }

    /// A build killed between moving the old output aside and moving the new one in leaves only
    /// `.<output>.old-…`: put it back. Staging folders of killed builds are removed. Runs under the lock,
    /// so none of these can belong to a running build.
    static func recoverInterruptedBuild(output: URL, parent: URL) {
        let fm = FileManager.default
        let name = output.lastPathComponent
        let journalURL = journal(of: output)
        if let text = try? String(contentsOf: journalURL, encoding: .utf8) {
            replay(Journal(text: text), output: output, parent: parent)
            try? fm.removeItem(at: journalURL)
        }
        // Only folders portal-gen made (they carry the marker, or are staging folders) are touched.
        func ours(_ entry: String) -> Bool {
            entry.hasPrefix(".\(name).staging-")
                || (entry.hasPrefix(".\(name).old-") && fm.fileExists(atPath: parent.appendingPathComponent(entry).appendingPathComponent(marker).path))
        }
        let leftovers = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).filter(ours)
        func modified(_ entry: String) -> Date {
            (try? parent.appendingPathComponent(entry).resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
        }
        let old = leftovers.filter { $0.hasPrefix(".\(name).old-") }.sorted { modified($0) < modified($1) }
        if !fm.fileExists(atPath: output.path), let newest = old.last {
            try? fm.moveItem(at: parent.appendingPathComponent(newest), to: output)
        }
        for entry in leftovers where fm.fileExists(atPath: parent.appendingPathComponent(entry).path) {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// Writes every byte, retrying interrupted writes; the system's words on failure.
    static func writeAll(_ bytes: some ContiguousBytes, to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    /// The system's own words for a file error ("No space left on device"), not Foundation's
    /// generic "The operation could not be completed".
    static func reason(_ error: Error) -> String {
        var current: NSError? = error as NSError
        while let error = current {
            if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
            current = error.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        return error.localizedDescription
    }

    private func unlock() {
        flock(lockDescriptor, LOCK_UN)
        close(lockDescriptor)
    }

    /// Writes one file of the site (path relative to the output root).
    @discardableResult
    public func write(_ text: String, to path: String) throws(DiagnosticsError) -> Written {
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(DiagnosticsError) in try write(UnsafeRawBufferPointer(bytes), to: path) } }.get()
    }

    @discardableResult
    public func write(_ data: Data, to path: String) throws(DiagnosticsError) -> Written {
        try data.withUnsafeBytes { bytes in Result { () throws(DiagnosticsError) in try write(bytes, to: path) } }.get()
    }

    private func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(DiagnosticsError) -> Written {
        let hash = ContentHash.of(bytes)
        if previous?.outputs[path] == hash { return Written(path: path, hash: hash, unchanged: true) }
        try create(path) { Self.writeAll(bytes, to: $0) }
        return Written(path: path, hash: hash, unchanged: false)
    }

    /// Creates `path` in the staging folder (and its folder), lets `fill` write to it and closes it.
    /// `fill` returns the system's words for a failed write; any failure is thrown, naming the file.
    private func create(_ path: String, _ fill: (Int32) -> String?) throws(DiagnosticsError) {
        func failed(_ reason: String) -> DiagnosticsError {
            DiagnosticsError([.error("cannot write `\(path)` into the output folder: \(reason); the previous site is unchanged", at: nil)])
        }
        let file = staging.path + "/" + path
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let folder = String(path[..<slash])
            if !folders.made.withLock({ $0.contains(folder) }) {
                do {
                    try FileManager.default.createDirectory(atPath: staging.path + "/" + folder, withIntermediateDirectories: true)
                } catch {
                    throw failed(Self.reason(error))
                }
                folders.made.withLock { _ = $0.insert(folder) }
            }
        }
        let descriptor = open(file, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failed(String(cString: strerror(errno))) }
        var failure = fill(descriptor)
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw failed(failure) }
    }

    /// The staging folder's subfolders already created: a site has thousands of folders, and every
    /// file asked Foundation to create its folder again.
    private final class Folders: Sendable {
        let made = Mutex<Set<String>>([])
    }
    private let folders = Folders()

    /// Stages a file of portal-gen's own beside the site (not in the manifest), made in pieces by
    /// `produce`; it is moved in by `commit(extra:)`.
    public func stage(_ name: String, _ produce: (inout FileSink) -> Void) throws(DiagnosticsError) {
        _ = try stream(to: name, produce)
    }

    /// Writes a file made in pieces by `produce` (see `FileSink`); like `write`, a file whose bytes
    /// equal the previous build's is left as it was.
    public func write(to path: String, _ produce: (inout FileSink) -> Void) throws(DiagnosticsError) -> Written {
        let hash = try stream(to: path, produce)
        if previous?.outputs[path] == hash {
            unlink(staging.appendingPathComponent(path).path)
            return Written(path: path, hash: hash, unchanged: true)
        }
        return Written(path: path, hash: hash, unchanged: false)
    }

    /// Writes `produce`'s pieces to `path` in the staging folder; returns the bytes' fingerprint.
    private func stream(to path: String, _ produce: (inout FileSink) -> Void) throws(DiagnosticsError) -> String {
        var hash = ""
        try create(path) { descriptor in
            var sink = FileSink(descriptor: descriptor)
            produce(&sink)
            sink.flush()
            hash = sink.hash.value
            return sink.failure
        }
        return hash
    }

    /// Keeps the previous build's file at `path` without making it again, when it was made from the
    /// same `inputs` (a fingerprint; nil means untracked). Returns nil otherwise, and the caller makes the file.
    public func keep(_ path: String, inputs: String?) -> Written? {
        guard let inputs, previous?.pageInputs[path] == inputs, let hash = previous?.outputs[path] else { return nil }
        return Written(path: path, hash: hash, unchanged: true)
    }

    @discardableResult
    public func copy(_ source: URL, to path: String) throws(DiagnosticsError) -> Written {
        let data: Data
        do {
            data = try Data(contentsOf: source)
        } catch {
            throw DiagnosticsError([.error("cannot read the theme file: \(error.localizedDescription)", at: SourceLocation(file: displayPath(source), line: 1))])
        }
        return try write(data, to: path)
    }

    /// Makes the staged build the output: swaps folders for a whole staged site, or moves the
    /// changed files in and deletes those that are gone. `written` are all files of the new site;
    /// `extra` are files staged outside the manifest (the parse cache, see `stage`), moved in last with it.
    /// On a thrown error nothing was changed; the caller discards the staging folder, as for any failed build.
    public func commit(manifest: BuildManifest, written: [Written], extra: [String] = []) throws(DiagnosticsError) {
        if !stagesChangesOnly {
            try write("This folder was generated by portal-gen; it is replaced on every build.\n", to: Self.marker)
        }
        try stage(BuildManifest.fileName) { sink in manifest.encode { sink.append($0) } }
        if stagesChangesOnly {
            commitChanges(manifest: manifest, written: written, extra: extra)
            return
        }
        let fm = FileManager.default
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if fm.fileExists(atPath: output.path) {
                try? fm.removeItem(at: old)
                try fm.moveItem(at: output, to: old)
            }
            do {
                try fm.moveItem(at: staging, to: output)
            } catch {
                if fm.fileExists(atPath: old.path) { try? fm.moveItem(at: old, to: output) }
                throw error
            }
            try? fm.removeItem(at: old)
            unlock()
        } catch {
            throw DiagnosticsError([.error("cannot replace `\(displayPath(output))`: \(error.localizedDescription); the previous site is unchanged", at: nil)])
        }
    }

    /// The moves and deletions that make the output folder the new site, written down before any is
    /// made, so that a build killed half-way is completed by the next one.
    struct Journal {
        var staging: String
        var moves: [String]
        var deletions: [String]

        init(staging: String, moves: [String], deletions: [String]) {
            self.staging = staging
            self.moves = moves
            self.deletions = deletions
        }

        init(text: String) {
            var staging = "", moves: [String] = [], deletions: [String] = []
            for line in text.split(separator: "\n") {
                let value = String(line.dropFirst(2))
                switch line.first {
                case "S": staging = value
                case "M": moves.append(value)
                case "D": deletions.append(value)
                default: break
                }
            }
            self.init(staging: staging, moves: moves, deletions: deletions)
        }

        var text: String {
            (["S " + staging] + moves.map { "M " + $0 } + deletions.map { "D " + $0 }).joined(separator: "\n") + "\n"
        }
    }

    private func commitChanges(manifest: BuildManifest, written: [Written], extra: [String]) {
        let parent = output.deletingLastPathComponent()
        let kept = Set(written.map(\.path))
        let moves = written.filter { !$0.unchanged }.map(\.path).sorted() + [BuildManifest.fileName] + extra
        let deletions = (previous?.outputs.keys.filter { !kept.contains($0) } ?? []).sorted()
        let journal = Journal(staging: staging.lastPathComponent, moves: moves, deletions: deletions)
        let journalURL = Self.journal(of: output)
        let pending = journalURL.appendingPathExtension("new")
        if (try? Data(journal.text.utf8).write(to: pending)) != nil, rename(pending.path, journalURL.path) == 0 {
            Self.faultInjection()
            Self.replay(journal, output: output, parent: parent)
            try? FileManager.default.removeItem(at: journalURL)
        } else {
            // No journal, no moves: without one, a build killed half-way could not be completed.
            try? FileManager.default.removeItem(at: pending)
        }
        try? FileManager.default.removeItem(at: staging)
        unlock()
    }

    /// Carries out a journal; each step can be repeated, so a replay after a kill finishes the job.
    static func replay(_ journal: Journal, output: URL, parent: URL) {
        let fm = FileManager.default
        let staging = parent.appendingPathComponent(journal.staging)
        guard !journal.staging.isEmpty, !journal.staging.contains("/") else { return }
        for path in journal.moves {
            let source = staging.appendingPathComponent(path).path
            let target = output.appendingPathComponent(path)
            guard fm.fileExists(atPath: source) else { continue }
            try? fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = rename(source, target.path)
            faultInjection()
        }
        for path in journal.deletions {
            let target = output.appendingPathComponent(path)
            try? fm.removeItem(at: target)
            // Remove folders the deletion left empty (rmdir fails on a folder that is not).
            var folder = target.deletingLastPathComponent()
            while folder.path.count > output.path.count, rmdir(folder.path) == 0 { folder = folder.deletingLastPathComponent() }
        }
        try? fm.removeItem(at: staging)
    }

    /// For tests of interrupted builds only: `PORTAL_GEN_KILL_AFTER_MOVES=N` kills the process
    /// after the journal is written and N files were moved, as a power cut would.
    private static func faultInjection() {
        guard let limit = ProcessInfo.processInfo.environment["PORTAL_GEN_KILL_AFTER_MOVES"].flatMap(Int.init) else { return }
        let made = movesMade.withLock { count in
            defer { count += 1 }
            return count
        }
        if made >= limit { kill(getpid(), SIGKILL) }
    }

    private static let movesMade = Mutex(0)

    /// Removes the staging folder after a failed build and releases the lock; call it once.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        unlock()
    }
}

/// The C library's `write`, named apart from `OutputWriter.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
