import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The original of an imported report kept beside its content file as its attachment
/// (`import --attach`): the signed PDF or the Word file a township delivered, offered for download
/// on the report's page.
public enum OriginalAttachment {
    /// The kinds whose original is worth keeping: what townships deliver as the document itself.
    /// (A text, HTML or Markdown file is the report's text, not an original to offer.)
    public static let kinds: Set<String> = ["pdf", "docx", "doc", "wps"]

    enum Plan: Sendable {
        /// Copy the original to `target` and list it as `path` (relative to the report's folder) with `title`.
        case kept(path: String, target: URL, title: String)
        /// Not kept, and why (a warning: the report is imported all the same).
        case refused(Message)
    }

    /// Where the original `file` goes beside the content file `report`: in a folder named as the
    /// report file, under its own name (`reports/2024/chengguan.md` →
    /// `reports/2024/chengguan/城关镇2024年报.pdf`), so that the originals of a year's townships, all
    /// in one folder, never collide and a reader's download keeps the name the office gave it.
    /// A name that cannot be an attachment's (a hidden one) becomes the report's (`chengguan.pdf`).
    /// Returns the path relative to the report's folder, as `attachments:` lists it.
    static func plan(_ file: URL, beside report: URL) -> Plan {
        let kind = file.pathExtension.lowercased()
        guard kinds.contains(kind) else { return .refused(.importAttachKindUnsupported(kind: kind)) }
        var info = stat()
        guard stat(file.path, &info) == 0 else { return .refused(.importAttachKindUnsupported(kind: kind)) }
        if Int64(info.st_size) > AttachmentFormat.maximumSize {
            return .refused(
                .importAttachmentTooLarge(
                    megabytes: Int((Int64(info.st_size) + 1024 * 1024 - 1) / (1024 * 1024)), limit: Int(AttachmentFormat.maximumSize / 1024 / 1024)))
        }
        let folder = report.deletingPathExtension().lastPathComponent
        var relative = folder + "/" + file.lastPathComponent
        if case .failure = AttachmentEntry.normalise(relative) { relative = folder + "." + kind }
        let target = report.deletingLastPathComponent().appendingPathComponent(relative)
        return .kept(path: relative, target: target, title: file.deletingPathExtension().lastPathComponent)
    }

    /// Copies `source` to `target` a piece at a time (an original may be tens of megabytes), into a
    /// file beside it that is renamed into place once complete: `target` is never half-written.
    static func copy(_ source: URL, to target: URL) throws(SystemError) {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw SystemError("打开 \(source.path)") }
        defer { close(input) }
        let pending = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).new").path
        try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let output = open(pending, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard output >= 0 else { throw SystemError("写入 \(pending)") }
        var failure: SystemError?
        if let code = FilePieces.read(
            input,
            { piece in
                if let code = OutputWriter.writeAll(piece, to: output) { failure = SystemError("写入 \(pending)", code: code) }
                return failure == nil
            })
        {
            failure = SystemError("读取 \(source.path)", code: code)
        }
        if close(output) != 0, failure == nil { failure = SystemError("写入 \(pending)") }
        if failure == nil, rename(pending, target.path) != 0 { failure = SystemError("写入 \(target.path)") }
        if let failure {
            unlink(pending)
            throw failure
        }
    }
}
