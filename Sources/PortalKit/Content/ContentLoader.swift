import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Everything read from a content folder, before validation.
struct LoadedContent: Sendable {
    var config: PortalConfig?
    var reports: [ReportSource]
    var diagnostics: [Diagnostic]
    /// True when the folder or one of its files could not be read or decoded at all.
    var unreadable: Bool = false
    /// Every report file parsed without errors, for the next build to reuse.
    var cache: ParseCache? = nil
    /// How many report files were taken from the previous build's cache instead of being parsed.
    var reused = 0
}

/// Finds and parses `portal.yml` and every report file in a content folder.
public struct ContentLoader: Sendable {
    public static let settingsFile = "portal.yml"
    /// A content file larger than this is refused before it is read (real reports are under 100 KB).
    static let maximumFileSize: Int64 = 10 * 1024 * 1024

    let root: URL
    /// How paths are shown in messages: relative to this folder when the file is inside it.
    let displayBase: URL
    /// Counts the report files read, for a progress line.
    let progress: ProgressCounter?

    public init(root: URL, displayBase: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath), progress: ProgressCounter? = nil) {
        self.root = root.standardizedFileURL
        self.displayBase = displayBase.standardizedFileURL
        self.progress = progress
    }

    /// The path shown to the user for a file: relative to the working directory when possible.
    public func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = displayBase.path.hasSuffix("/") ? displayBase.path : displayBase.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// The scope a parse cache must have to be used for this folder (see `ParseCache`).
    var cacheScope: String { ParseCache.scope(content: root, displayBase: displayBase) }

    /// What the folder holds at the start of a build: its settings, read and parsed, and every
    /// report file with its stamp. Read once, it serves both telling whether anything changed and
    /// loading, so a build walks the folder and parses the settings once.
    struct Snapshot: Sendable {
        var config: PortalConfig?
        /// Fingerprint of the settings file's bytes that `config` was parsed from ("missing" without one).
        var settingsHash: String
        /// Problems with the folder or the settings file.
        var diagnostics: [Diagnostic]
        var unreadable: Bool
        /// Every `.md` file found, in a stable order (see `reportFiles`).
        var entries: [FileWalker.Entry]
        /// Every plain file of a kind a report may have as an attachment (`AttachmentFormat`), so
        /// that an edited attachment changes `stampsFingerprint`, whatever report lists it.
        var attachmentFiles: [FileWalker.Entry] = []
        /// When the folder was walked, in nanoseconds since 1970.
        var takenAt: Int64 = Snapshot.now()

        /// A file modified less than this long before the walk may be modified again without its
        /// stamp changing (file systems keep times in steps of the kernel's clock tick, at most 10 ms):
        /// it is not trusted to be unchanged later without looking at its text.
        static let racyWindow: Int64 = 100_000_000
        /// The same for a file system that keeps whole seconds (ext3, an ext4 made with 128-byte
        /// inodes) or two-second steps (FAT): a stamp without nanoseconds is taken to come from one.
        static let coarseRacyWindow: Int64 = 2_000_000_000

        /// How long after a file's last change its stamp can be trusted to tell the next change.
        static func racyWindow(modified: Int64, changed: Int64) -> Int64 {
            modified % 1_000_000_000 == 0 && changed % 1_000_000_000 == 0 ? coarseRacyWindow : racyWindow
        }

        static func now() -> Int64 {
            var time = timespec()
            clock_gettime(CLOCK_REALTIME, &time)
            return time.nanoseconds
        }

        /// Whether `entry` was modified so shortly before the walk that its stamp cannot be trusted.
        func isRecent(_ entry: FileWalker.Entry) -> Bool {
            max(entry.modified, entry.changed) > takenAt - Self.racyWindow(modified: entry.modified, changed: entry.changed)
        }

        /// The report files too recent to be trusted (see `isRecent`).
        var recentEntries: [FileWalker.Entry] { entries.filter(isRecent) }

        /// Fingerprint of every report and attachment file's path, size, times and inode, for telling
        /// cheaply whether anything changed.
        var stampsFingerprint: String {
            var hash = ContentHash()
            for entry in entries + attachmentFiles {
                hash.update(entry.path)
                // A NUL (never in a path) ends the path, then the stamp's fields as raw bytes.
                var fields = (
                    UInt64(0), UInt64(bitPattern: entry.size), UInt64(bitPattern: entry.modified), UInt64(bitPattern: entry.changed),
                    entry.inode, UInt64(entry.isSymbolicLink ? 1 : 0)
                )
                withUnsafeBytes(of: &fields) { hash.update($0) }
            }
            return hash.value
        }
    }

    /// Reads the settings and walks the folder (see `Snapshot`).
    func snapshot() -> Snapshot {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(
                .error(.contentFolderMissing(folder: displayPath(root)), at: nil))
            return Snapshot(config: nil, settingsHash: "missing", diagnostics: diagnostics, unreadable: true, entries: [])
        }
        let settingsURL = root.appendingPathComponent(Self.settingsFile)
        var config: PortalConfig?
        var settingsHash = "missing"
        var unreadable = false
        if FileManager.default.fileExists(atPath: settingsURL.path) {
            do {
                let bytes = try SourceText.bytes(of: settingsURL, displayPath: displayPath(settingsURL))
                settingsHash = ContentHash.of(bytes)
                let source = try SourceText.decode(bytes, displayPath: displayPath(settingsURL))
                config = PortalConfigLoader.parse(source, diagnostics: &diagnostics)
                // The badge image is shown on every page: its bytes count as part of the settings.
                if var parsed = config, let badge = PortalConfigLoader.resolveBadge(&parsed, root: root, displayPath: displayPath, diagnostics: &diagnostics) {
                    settingsHash = ContentHash.of(settingsHash + " badge " + badge)
                    config = parsed
                } else if config?.identity.badge != nil {
                    config = nil
                }
            } catch {
                diagnostics += error.diagnostics
                unreadable = true
            }
        } else {
            diagnostics.append(
                .error(.settingsMissing(file: Self.settingsFile), at: SourceLocation(file: displayPath(settingsURL), line: 1)))
        }
        var reports: [FileWalker.Entry] = []
        var attachments: [FileWalker.Entry] = []
        for entry in FileWalker.walk(root.path, extension: "md", others: AttachmentFormat.extensions) {
            if entry.isSymbolicLink || entry.openError != nil || entry.undecodableName || FileWalker.name(entry.path, hasExtension: "md") {
                reports.append(entry)
            } else {
                attachments.append(entry)
            }
        }
        return Snapshot(
            config: config, settingsHash: settingsHash, diagnostics: diagnostics, unreadable: unreadable,
            entries: reports, attachmentFiles: attachments)
    }

    /// Loads the folder; files whose stamp matches an entry of `cache` are taken from it, not parsed.
    func load(reusing cache: ParseCache? = nil) async -> LoadedContent {
        await load(snapshot(), reusing: cache)
    }

    /// Loads the reports of `snapshot`, taken from `cache` where their stamps match.
    func load(_ snapshot: Snapshot, reusing cache: ParseCache? = nil) async -> LoadedContent {
        var diagnostics = snapshot.diagnostics
        var unreadable = snapshot.unreadable
        let files = reportFiles(snapshot.entries, diagnostics: &diagnostics)
        let cache = cache?.scope == cacheScope ? cache : nil
        let cached = files.map { file -> ParseCache.Entry? in
            guard let entry = cache?.entry(for: file.path, stamp: file.stamp) else { return nil }
            guard entry.racy else { return entry }
            // Parsed right after an edit: used only if the text is still what was parsed.
            let text = try? SourceText.read(URL(fileURLWithPath: file.path), displayPath: entry.source.path).text
            guard let text, ContentHash.of(text) == entry.source.contentHash else { return nil }
            return snapshot.isRecent(file) ? entry : ParseCache.Entry(stamp: entry.stamp, source: entry.source, diagnostics: entry.diagnostics)
        }
        let toParse = zip(files, cached).filter { $0.1 == nil }.map(\.0)
        progress?.start(total: files.count)
        progress?.advance(by: files.count - toParse.count)
        var parsed = await parseConcurrently(toParse, recentFiles: Set(snapshot.recentEntries.map(\.path))).makeIterator()
        var reports: [ReportSource] = []
        reports.reserveCapacity(files.count)
        var next = ParseCache(scope: cacheScope)
        next.entries.reserveCapacity(files.count)
        for (file, entry) in zip(files, cached) {
            if let entry {
                diagnostics += entry.diagnostics
                reports.append(entry.source)
                next.entries[file.path] = entry
                continue
            }
            var result = parsed.next()!
            // A file that failed and has changed since the walk was being written: say so, rather
            // than what its half-written text looked like.
            if result.diagnostics.hasErrors, Self.stamp(of: file.path) != file.stamp {
                result = ParseResult(
                    report: nil, diagnostics: [Self.changedDuringBuild(URL(fileURLWithPath: file.path), display: displayPath(URL(fileURLWithPath: file.path)))])
            }
            diagnostics += result.diagnostics
            unreadable = unreadable || result.unreadable
            if let report = result.report {
                reports.append(report)
                if !result.diagnostics.hasErrors {
                    next.entries[file.path] = ParseCache.Entry(
                        stamp: file.stamp, source: report, diagnostics: result.diagnostics, racy: snapshot.isRecent(file))
                }
            }
        }
        return LoadedContent(
            config: snapshot.config, reports: reports, diagnostics: diagnostics, unreadable: unreadable, cache: next, reused: files.count - toParse.count)
    }

    /// The report files among the `.md` files the walk found (sorted, so every run sees the same
    /// order; hidden files and folders skipped): symbolic links are not followed, files with
    /// undecodable names or too large are refused.
    func reportFiles(_ entries: [FileWalker.Entry], diagnostics: inout [Diagnostic]) -> [FileWalker.Entry] {
        var files: [FileWalker.Entry] = []
        for entry in entries {
            if let problem = problem(with: entry) { diagnostics.append(problem) } else { files.append(entry) }
        }
        return files
    }

    /// Why a file the walk found is not read as a report, if it is not (its URL is made only then:
    /// most files have no problem).
    private func problem(with entry: FileWalker.Entry) -> Diagnostic? {
        func at() -> SourceLocation { SourceLocation(file: displayPath(URL(fileURLWithPath: entry.path)), line: 1) }
        if entry.undecodableName {
            return .error(.nameNotUTF8, at: at())
        }
        if let code = entry.openError {
            return .error(.folderUnreadable(reason: String(cString: strerror(code))), at: at())
        }
        if entry.isSymbolicLink {
            return .warning(.symbolicLinkSkipped, at: at())
        }
        if entry.size > Self.maximumFileSize {
            let megabytes = Int(entry.size / 1024 / 1024)
            let limit = Int(Self.maximumFileSize / 1024 / 1024)
            return .error(.fileTooLarge(megabytes: megabytes, limit: limit), at: at())
        }
        return nil
    }

    private struct ParseResult: Sendable {
        var report: ReportSource?
        var diagnostics: [Diagnostic]
        var unreadable = false
    }

    /// Parses files on all cores, keeping the input order in the result.
    /// `recentFiles` were modified just before the walk and may still be being written (see `readWhole`).
    private func parseConcurrently(_ files: [FileWalker.Entry], recentFiles: Set<String> = []) async -> [ParseResult] {
        let jobs = files.map { file in
            let url = URL(fileURLWithPath: file.path)
            return (url, displayPath(url))
        }
        let stamps = files.map(\.stamp)
        let recent = files.map { recentFiles.contains($0.path) }
        return await Array(zip(jobs, zip(stamps, recent))).concurrentMap { job, expected in
            let (url, display) = job
            var diagnostics: [Diagnostic] = []
            do throws(DiagnosticsError) {
                let source = try SourceText.decode(try await Self.readWhole(url, display: display, stamp: expected.0, recent: expected.1), displayPath: display)
                let report = ReportSource.parse(source, file: url.path, diagnostics: &diagnostics)
                progress?.advance()
                return ParseResult(report: report, diagnostics: diagnostics)
            } catch {
                progress?.advance()
                return ParseResult(report: nil, diagnostics: error.diagnostics, unreadable: true)
            }
        }
    }

    /// A report file's bytes, read whole; the file must still have the stamp the walk saw once it
    /// has been read, else it was being written while it was read and a page made from it could
    /// match neither version. A file modified just before the walk (`recent`) may still be being
    /// written: it is read again once it has been left alone for `Snapshot.racyWindow`, and must read the same.
    static func readWhole(_ url: URL, display: String, stamp: ParseCache.Stamp, recent: Bool) async throws(DiagnosticsError) -> Data {
        func changed() -> DiagnosticsError { DiagnosticsError([changedDuringBuild(url, display: display)]) }
        let first = try SourceText.bytes(of: url, displayPath: display)
        guard Self.stamp(of: url.path) == stamp, Int64(first.count) == stamp.size else { throw changed() }
        if recent {
            let wait = max(stamp.modified, stamp.changed) + Snapshot.racyWindow(modified: stamp.modified, changed: stamp.changed) - Snapshot.now()
            if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait)) }
            guard try SourceText.bytes(of: url, displayPath: display) == first, Self.stamp(of: url.path) == stamp else { throw changed() }
        }
        return first
    }

    static func changedDuringBuild(_ url: URL, display: String) -> Diagnostic {
        .error(.fileChangedWhileRead, at: SourceLocation(file: display, line: 1))
    }

    /// The stamp of the file at `path` now (a link's own), nil when there is none.
    static func stamp(of path: String) -> ParseCache.Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return ParseCache.Stamp(info)
    }
}
