import Foundation

/// Everything read from a content folder, before validation.
public struct LoadedContent: Sendable {
    public var config: PortalConfig?
    public var reports: [ReportSource]
    public var diagnostics: [Diagnostic]
    /// True when the folder or one of its files could not be read or decoded at all.
    public var unreadable: Bool = false
    /// Every report file parsed without errors, for the next build to reuse.
    public var cache: ParseCache? = nil
    /// How many report files were taken from the previous build's cache instead of being parsed.
    public var reused = 0
}

/// Finds and parses `portal.yml` and every report file in a content folder.
public struct ContentLoader: Sendable {
    public static let settingsFile = "portal.yml"
    /// A content file larger than this is refused before it is read (real reports are under 100 KB).
    public static let maximumFileSize: Int64 = 10 * 1024 * 1024

    public let root: URL
    /// How paths are shown in messages: relative to this folder when the file is inside it.
    public let displayBase: URL

    public init(root: URL, displayBase: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.root = root.standardizedFileURL
        self.displayBase = displayBase.standardizedFileURL
    }

    /// The path shown to the user for a file: relative to the working directory when possible.
    public func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = displayBase.path.hasSuffix("/") ? displayBase.path : displayBase.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// The scope a parse cache must have to be used for this folder (see `ParseCache`).
    public var cacheScope: String { ParseCache.scope(content: root, displayBase: displayBase) }

    /// Loads the folder; files whose stamp matches an entry of `cache` are taken from it, not parsed.
    public func load(reusing cache: ParseCache? = nil) async -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(.error("the content folder `\(displayPath(root))` does not exist; run portal-gen in the portal's folder or pass --content DIR", at: nil))
            return LoadedContent(config: nil, reports: [], diagnostics: diagnostics, unreadable: true)
        }
        let settingsURL = root.appendingPathComponent(Self.settingsFile)
        var config: PortalConfig?
        var unreadable = false
        if FileManager.default.fileExists(atPath: settingsURL.path) {
            do {
                let source = try SourceText.read(settingsURL, displayPath: displayPath(settingsURL))
                config = PortalConfigLoader.parse(source, diagnostics: &diagnostics)
            } catch {
                diagnostics += error.diagnostics
                unreadable = true
            }
        } else {
            diagnostics.append(.error("the settings file is missing; create `\(Self.settingsFile)` in the content folder (see docs/content.md)", at: SourceLocation(file: displayPath(settingsURL), line: 1)))
        }

        let files = reportFiles(diagnostics: &diagnostics)
        let cache = cache?.scope == cacheScope ? cache : nil
        var cached: [Int: ParseCache.Entry] = [:]
        var toParse: [FileWalker.Entry] = []
        for (index, file) in files.enumerated() {
            if let entry = cache?.entry(for: file.path, stamp: file.stamp) { cached[index] = entry } else { toParse.append(file) }
        }
        var parsed = await parseConcurrently(toParse).makeIterator()
        var reports: [ReportSource] = []
        var next = ParseCache(scope: cacheScope)
        for (index, file) in files.enumerated() {
            let result: ParseResult
            if let entry = cached[index] {
                result = ParseResult(report: entry.source, diagnostics: entry.diagnostics)
            } else {
                result = parsed.next()!
            }
            diagnostics += result.diagnostics
            unreadable = unreadable || result.unreadable
            if let report = result.report {
                reports.append(report)
                if !result.diagnostics.hasErrors {
                    next.entries[file.path] = ParseCache.Entry(stamp: file.stamp, source: report, diagnostics: result.diagnostics)
                }
            }
        }
        return LoadedContent(config: config, reports: reports, diagnostics: diagnostics, unreadable: unreadable, cache: next, reused: cached.count)
    }

    /// Every `.md` file under the content folder, sorted so that every run sees the same order.
    /// Hidden files and folders are skipped; symbolic links are not followed.
    func reportFiles(diagnostics: inout [Diagnostic]) -> [FileWalker.Entry] {
        var files: [FileWalker.Entry] = []
        for entry in FileWalker.walk(root.path, extension: "md") {
            let url = URL(fileURLWithPath: entry.path)
            if entry.undecodableName {
                diagnostics.append(.error("a file or folder name here is not valid UTF-8 (it may be in GBK); rename it with a UTF-8 name so it can be read",
                                          at: SourceLocation(file: displayPath(url), line: 1)))
            } else if entry.isSymbolicLink {
                diagnostics.append(.warning("symbolic links are not followed; copy the file into the content folder instead", at: SourceLocation(file: displayPath(url), line: 1)))
            } else if entry.size > Self.maximumFileSize {
                diagnostics.append(.error("the file is \(entry.size / 1024 / 1024) MB; a report file may be at most \(Self.maximumFileSize / 1024 / 1024) MB (put attachments on the portal as files, not into the text)",
                                          at: SourceLocation(file: displayPath(url), line: 1)))
            } else {
                files.append(entry)
            }
        }
        return files
    }

    /// Every report file with its size and modification time, for telling cheaply whether anything changed.
    func reportFileStamps() -> [String] {
        FileWalker.walk(root.path, extension: "md").map { "\($0.path) \($0.size) \($0.modified) \($0.changed) \($0.inode) \($0.isSymbolicLink)" }
    }

    private struct ParseResult: Sendable {
        var report: ReportSource?
        var diagnostics: [Diagnostic]
        var unreadable = false
    }

    /// Parses files on all cores, keeping the input order in the result.
    private func parseConcurrently(_ files: [FileWalker.Entry]) async -> [ParseResult] {
        let jobs = files.map { file in
            let url = URL(fileURLWithPath: file.path)
            return (url, displayPath(url))
        }
        return await jobs.concurrentMap { url, display in
            var diagnostics: [Diagnostic] = []
            do throws(DiagnosticsError) {
                let source = try SourceText.read(url, displayPath: display)
                let report = ReportSource.parse(source, file: url.path, diagnostics: &diagnostics)
                return ParseResult(report: report, diagnostics: diagnostics)
            } catch {
                return ParseResult(report: nil, diagnostics: error.diagnostics, unreadable: true)
            }
        }
    }
}
