import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds and checks the files that reports list as attachments, for `build` and `check`: each must
/// be a plain file inside the content folder (no symbolic link on the way), at most
/// `AttachmentFormat.maximumSize`, not empty, and start as its format does. Problems are errors at
/// the line of the item in the report file.
///
/// Runs on every build that reads the content: an attachment can change while its report file does not.
struct AttachmentCheck: Sendable {
    /// The content folder (links in its own path resolved).
    let root: String
    /// When the content folder was walked (see `ContentLoader.Snapshot`).
    let snapshot: ContentLoader.Snapshot

    init(root: URL, snapshot: ContentLoader.Snapshot) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath().path
        self.snapshot = snapshot
    }

    /// The attachments of every report that has any, by the report file's absolute path.
    func check(_ sources: [ReportSource]) -> (attachments: [String: [Attachment]], diagnostics: [Diagnostic]) {
        var attachments: [String: [Attachment]] = [:]
        var diagnostics: [Diagnostic] = []
        for source in sources where !source.attachments.isEmpty {
            guard let folder = folder(of: source.file) else { continue }
            var found: [Attachment] = []
            for entry in source.attachments {
                switch resolve(entry, folder: folder) {
                case .success(let attachment): found.append(attachment)
                case .failure(let problem):
                    diagnostics.append(.error(problem.message, at: SourceLocation(file: source.path, line: entry.line, column: entry.column)))
                }
            }
            attachments[source.file] = found
        }
        return (attachments, diagnostics)
    }

    /// The report file's folder relative to the content folder ("" for the folder itself).
    private func folder(of file: String) -> String? {
        let resolvedFolder = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path
        if resolvedFolder == root { return "" }
        guard resolvedFolder.hasPrefix(root + "/") else { return nil }
        return String(resolvedFolder.dropFirst(root.count + 1))
    }

    struct Problem: Error {
        var message: Message
    }

    private func resolve(_ entry: AttachmentEntry, folder: String) -> Result<Attachment, Problem> {
        let relative = folder.isEmpty ? entry.path : folder + "/" + entry.path
        guard let path = SafePath(relative), let format = AttachmentFormat.of(fileName: entry.fileName) else {
            return .failure(Problem(message: .attachmentPathRefused(path: entry.path, problem: .unusable)))
        }
        // Each component is looked at as it is, never followed: a link anywhere on the way is refused.
        var current = root
        var info = stat()
        let components = path.components
        let first = folder.isEmpty ? 0 : folder.split(separator: "/").count
        for (index, component) in components.enumerated() {
            current += "/" + component
            guard lstat(current, &info) == 0 else {
                let code = errno
                if code == ENOENT || code == ENOTDIR {
                    let missing = components[first...index].joined(separator: "/")
                    return .failure(Problem(message: .attachmentMissing(path: entry.path, missing: missing, isFolder: index < components.count - 1)))
                }
                return .failure(Problem(message: .attachmentUnreadable(path: entry.path, reason: String(cString: strerror(code)))))
            }
            let type = info.st_mode & S_IFMT
            if type == S_IFLNK {
                return .failure(Problem(message: .attachmentThroughLink(path: entry.path, link: components[first...index].joined(separator: "/"))))
            }
            if index < components.count - 1, type != S_IFDIR {
                return .failure(
                    Problem(message: .attachmentMissing(path: entry.path, missing: components[first...index].joined(separator: "/"), isFolder: true)))
            }
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(Problem(message: .attachmentNotAFile(path: entry.path))) }
        let size = Int64(info.st_size)
        if size > AttachmentFormat.maximumSize {
            let megabytes = Int((size + 1024 * 1024 - 1) / (1024 * 1024))
            return .failure(
                Problem(message: .attachmentTooLarge(path: entry.path, megabytes: megabytes, limit: Int(AttachmentFormat.maximumSize / 1024 / 1024))))
        }
        if size == 0 { return .failure(Problem(message: .attachmentEmpty(path: entry.path))) }
        switch head(of: current) {
        case .failure(let error):
            return .failure(Problem(message: .attachmentUnreadable(path: entry.path, reason: error.reason)))
        case .success(let bytes):
            if !format.matches(head: bytes) {
                return .failure(Problem(message: .attachmentContentMismatch(path: entry.path, format: format.label, found: Self.kind(of: bytes))))
            }
        }
        let stamp = ParseCache.Stamp(info)
        let recent =
            max(stamp.modified, stamp.changed) > snapshot.takenAt - ContentLoader.Snapshot.racyWindow(modified: stamp.modified, changed: stamp.changed)
        return .success(Attachment(entry: entry, format: format, contentPath: path, size: size, stamp: stamp, racy: recent))
    }

    /// The file's first bytes (never following a link), or the error number.
    private func head(of path: String) -> Result<[UInt8], SystemError> {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(SystemError("打开 \(path)")) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: AttachmentFormat.headSize)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return .failure(SystemError("读取 \(path)")) }
            if count == 0 { break }
            filled += count
        }
        return .success(Array(bytes[0..<filled]))
    }

    /// What a file's first bytes say it is (the extensions of that kind of file), for the message
    /// about a file that is not of its format; nil when they say nothing.
    static func kind(of head: [UInt8]) -> String? {
        if AttachmentFormat.of(fileName: "a.pdf")!.matches(head: head) { return "pdf" }
        let families: [(extensions: String, signature: [UInt8])] = [
            ("doc/xls/wps/et", AttachmentFormat.compound), ("docx/xlsx/ofd/zip", AttachmentFormat.zip), ("rtf", AttachmentFormat.rtf),
            ("jpg", AttachmentFormat.jpeg), ("png", AttachmentFormat.png),
        ]
        return families.first { head.starts(with: $0.signature) }?.extensions
    }
}
