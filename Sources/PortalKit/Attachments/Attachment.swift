/// An attachment of a report, its file found and checked (see `AttachmentCheck`): what the page
/// links, what the build copies and what `data.json` lists.
struct Attachment: Sendable, Hashable {
    let entry: AttachmentEntry
    let format: AttachmentFormat
    /// The file's path relative to the content folder.
    let contentPath: SafePath
    let size: Int64
    /// The file's stamp when it was checked; the copy must find the same.
    let stamp: ParseCache.Stamp
    /// Modified so shortly before the build looked that a later edit may have kept the stamp:
    /// the copy kept from the last build is not trusted (see `ContentLoader.Snapshot.isRecent`).
    let racy: Bool

    /// `下载PDF（356KB）`'s size.
    var sizeText: String { AttachmentFormat.sizeText(size) }

    /// Where the copy is in the output folder: beside the report's page.
    func outputPath(of report: Report) -> String { Self.outputPath(entry.outputName, of: report) }

    static func outputPath(_ name: String, of report: Report) -> String {
        let page = SitePlan.reportPath(report)
        let folder = page.split(separator: "/").dropLast().joined(separator: "/")
        return folder + "/" + name
    }

    /// What the report page shows of it (name, title, format, size), for the page's inputs.
    var shownFingerprint: String {
        [entry.outputName, entry.shownTitle, entry.fileName, format.fileExtension, String(size)].joined(separator: "\u{1F}")
    }
}
