import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the site into a staging folder beside the output folder and swaps it in only when the
/// whole build succeeded, so a failed or interrupted build never leaves a half-written site.
public struct OutputWriter: Sendable {
    /// A file portal-gen leaves in every output folder it creates; a non-empty folder without it is
    /// never replaced (it might be the user's own files).
    public static let marker = ".portal-gen-output"

    public let output: URL
    public let staging: URL
    /// The previous build's outputs; a file whose new bytes match is linked, not written, so its
    /// modification time stays and file synchronisation uploads nothing.
    public let previous: BuildManifest?
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
    public init(output: URL, protected: [URL], displayPath: @escaping @Sendable (URL) -> String) throws(DiagnosticsError) {
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
        previous = BuildManifest.load(from: output)
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

    /// Writes a file with the C library, so a failure carries the system's reason
    /// ("No space left on device", "File too large"); nil on success.
    static func writeFile(_ data: Data, to path: String) -> String? {
        let descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        return failure
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
        try write(Data(text.utf8), to: path)
    }

    @discardableResult
    public func write(_ data: Data, to path: String) throws(DiagnosticsError) -> Written {
        let url = staging.appendingPathComponent(path)
        let hash = ContentHash.of(data)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if previous?.outputs[path] == hash, link(output.appendingPathComponent(path).path, url.path) == 0 {
                return Written(path: path, hash: hash, unchanged: true)
            }
            if let failure = Self.writeFile(data, to: url.path) {
                throw DiagnosticsError([.error("cannot write `\(path)` into the output folder: \(failure); the previous site is unchanged", at: nil)])
            }
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw DiagnosticsError([.error("cannot write `\(path)` into the output folder: \(Self.reason(error)); the previous site is unchanged", at: nil)])
        }
        return Written(path: path, hash: hash, unchanged: false)
    }

    /// Keeps the previous build's file at `path` without new bytes (its inputs did not change).
    /// Returns nil when there is no such file, and the caller renders the page instead.
    public func keep(_ path: String) -> Written? {
        guard let hash = previous?.outputs[path] else { return nil }
        let url = staging.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard link(output.appendingPathComponent(path).path, url.path) == 0 else { return nil }
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

    /// Replaces the output folder with the staging folder.
    public func commit(manifest: BuildManifest) throws(DiagnosticsError) {
        try write("This folder was generated by portal-gen; it is replaced on every build.\n", to: Self.marker)
        do {
            try manifest.encoded().write(to: staging.appendingPathComponent(BuildManifest.fileName))
        } catch {
            throw DiagnosticsError([.error("cannot write the build manifest: \(error.localizedDescription); the previous site is unchanged", at: nil)])
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
            discard()
            throw DiagnosticsError([.error("cannot replace `\(displayPath(output))`: \(error.localizedDescription); the previous site is unchanged", at: nil)])
        }
    }

    /// Removes the staging folder after a failed build.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        unlock()
    }
}

/// The C library's `write`, named apart from `OutputWriter.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
