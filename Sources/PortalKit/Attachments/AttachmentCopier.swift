import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Copies every report's attachments into the output folder beside its page, and tells each one's
/// SHA-256 for `data.json`.
///
/// A copy is streamed (a piece of a mebibyte at a time: an attachment may be 50 MB), read from the
/// content folder without following any link (`ContainedFolder`), and written through the output
/// writer, which never writes outside the output folder. A copy the last build made from a file
/// with the same stamp is kept without reading the file: the manifest holds the stamp and the
/// digest as the file's inputs. A file modified just before the build looked (`Attachment.racy`)
/// is read again: its stamp may not tell a later edit.
struct AttachmentCopier: Sendable {
    let content: URL
    let writer: OutputWriter
    /// How paths are shown in messages.
    let displayPath: @Sendable (URL) -> String

    /// One attachment as `data.json` lists it.
    struct Copied: Sendable {
        var attachment: Attachment
        var path: String
        var sha256: String
    }

    /// What the copies are: every file written or kept, and each report's attachments with their
    /// digests, by report (same order as its `attachments`).
    struct Result: Sendable {
        var written: [OutputWriter.Written] = []
        var byReport: [ReportID: [Copied]] = [:]
    }

    func copy(_ portal: Portal, parallelism: Int) async throws(DiagnosticsError) -> Result {
        let reports = portal.reports.filter { !$0.attachments.isEmpty }
        guard !reports.isEmpty else { return Result() }
        let folder: ContainedFolder
        do throws(SystemError) {
            folder = try ContainedFolder(content.standardizedFileURL.resolvingSymlinksInPath().path)
        } catch {
            throw DiagnosticsError([.error(.folderUnreadable(reason: error.reason), at: SourceLocation(file: displayPath(content), line: 1))])
        }
        let jobs = reports.flatMap { report in report.attachments.map { (report, $0) } }
        let outcomes = await jobs.concurrentMap(width: parallelism) { report, attachment -> Swift.Result<(OutputWriter.Written, Copied), DiagnosticsError> in
            Swift.Result { () throws(DiagnosticsError) in try copy(attachment, of: report, from: folder) }
        }
        var result = Result()
        for (job, outcome) in zip(jobs, outcomes) {
            let (written, copied) = try outcome.get()
            result.written.append(written)
            result.byReport[job.0.id, default: []].append(copied)
        }
        return result
    }

    /// The inputs recorded for a copy: the file's stamp and path, then its digest.
    static func inputs(stampKey: String, sha256: String) -> String { "a1-\(stampKey)-\(sha256)" }

    private func stampKey(_ attachment: Attachment) -> String {
        let stamp = attachment.stamp
        return ContentHash.of("\(attachment.contentPath.value)\n\(stamp.size) \(stamp.modified) \(stamp.changed) \(stamp.inode)")
    }

    private func copy(_ attachment: Attachment, of report: Report, from folder: ContainedFolder) throws(DiagnosticsError) -> (
        OutputWriter.Written, Copied
    ) {
        let path = attachment.outputPath(of: report)
        let key = stampKey(attachment)
        let prefix = "a1-\(key)-"
        if !attachment.racy, let previous = writer.previous?[path]?.inputs, previous.hasPrefix(prefix), let kept = writer.keep(path, inputs: previous) {
            return (kept, Copied(attachment: attachment, path: path, sha256: String(previous.dropFirst(prefix.count))))
        }
        let location = SourceLocation(file: report.source, line: attachment.entry.line, column: attachment.entry.column)
        func failure(_ message: Message) -> DiagnosticsError { DiagnosticsError([.error(message, at: location)]) }
        let opened: Int32?
        do throws(SystemError) {
            opened = try folder.openForReading(attachment.contentPath)
        } catch {
            throw failure(.attachmentUnreadable(path: attachment.entry.path, reason: error.reason))
        }
        // Gone, or a link put in its way, since it was checked.
        guard let descriptor = opened else { throw failure(.attachmentChangedWhileCopied(path: attachment.entry.path)) }
        defer { close(descriptor) }
        func stamp() -> ParseCache.Stamp? {
            var info = stat()
            return fstat(descriptor, &info) == 0 ? ParseCache.Stamp(info) : nil
        }
        guard stamp() == attachment.stamp else { throw failure(.attachmentChangedWhileCopied(path: attachment.entry.path)) }
        var digest = SHA256Digest()
        var readError: Int32?
        var total: Int64 = 0
        // Kept as untracked when the stamp cannot be trusted: the next build reads it again.
        var written = try writer.write(to: path, inputs: nil) { sink in
            readError = FilePieces.read(descriptor) { piece in
                total += Int64(piece.count)
                let bytes = Array(piece)
                digest.update(bytes)
                sink.append(bytes)
                return true
            }
        }
        if let readError { throw failure(.attachmentUnreadable(path: attachment.entry.path, reason: String(cString: strerror(readError)))) }
        guard total == attachment.size, stamp() == attachment.stamp else { throw failure(.attachmentChangedWhileCopied(path: attachment.entry.path)) }
        let sha256 = digest.hexDigest
        if !attachment.racy { written.inputs = Self.inputs(stampKey: key, sha256: sha256) }
        return (written, Copied(attachment: attachment, path: path, sha256: sha256))
    }

    /// Whether the attachment files modified just before the walk (`recent`, whose stamps cannot
    /// tell a later edit) still have the stamp they were walked with and hold the bytes their copy
    /// was made of, once the clock has moved past their moment: only then may the build be recorded
    /// as made from them (see `SiteBuilder.settledFingerprint`). A file no report lists does not matter.
    static func stillCopied(_ recent: [FileWalker.Entry], portal: Portal, content: URL, written: [OutputWriter.Written]) -> Bool {
        guard !recent.isEmpty else { return true }
        let root = content.standardizedFileURL.path
        var copies: [String: String] = [:]
        for report in portal.reports {
            for attachment in report.attachments { copies[root + "/" + attachment.contentPath.value] = attachment.outputPath(of: report) }
        }
        let hashes = Dictionary(written.map { ($0.path, $0.hash) }, uniquingKeysWith: { first, _ in first })
        for entry in recent {
            guard ContentLoader.stamp(of: entry.path) == entry.stamp else { return false }
            guard let copy = copies[entry.path] else { continue }
            guard let expected = hashes[copy], contentHash(of: entry.path) == expected else { return false }
        }
        return true
    }

    /// The `ContentHash` of a file's bytes, read a piece at a time without following a link; nil when unreadable.
    private static func contentHash(of path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var hash = ContentHash()
        let failed = FilePieces.read(descriptor) { piece in
            piece.withUnsafeBytes { hash.update($0) }
            return true
        }
        return failed == nil ? hash.value : nil
    }
}
