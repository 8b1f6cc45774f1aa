/// A kind of file a report may carry as an attachment (`attachments:` in its front matter): the
/// signed original, the Word file, a spreadsheet, a scan.
///
/// The list is the formats government offices publish originals in (PDF and OFD for signed
/// documents, Word/WPS and Excel/WPS spreadsheets for editable ones, pictures for scans, ZIP for
/// several files). Every other kind is refused: an `.exe`, `.html` or `.js` beside the pages could
/// run in a reader's browser or machine, and a web server may not be set up to serve it.
struct AttachmentFormat: Sendable, Hashable {
    /// The file name's extension, lowercase (`pdf`).
    let fileExtension: String
    /// How the page names the format: `下载PDF（356KB）`.
    let label: String
    /// The MIME type of the link's `type` attribute and of `data.json`.
    let mimeType: String
    /// How a file of the format starts: its first bytes must be one of these (none: any bytes).
    /// A file renamed to `.pdf` that is a Word file would be offered as the wrong thing.
    let signatures: [[UInt8]]
    /// PDF allows bytes before its header: the signature may start anywhere in the first kilobyte.
    let signatureAnywhereInHead: Bool

    /// The largest attachment accepted, per file: a signed scan of a long report is a few
    /// megabytes; a bigger file should be compressed or split (it is copied on every full build
    /// and downloaded on a phone).
    static let maximumSize: Int64 = 50 * 1024 * 1024
    /// How many bytes of a file the signature check reads.
    static let headSize = 1024

    static let pdf: [UInt8] = Array("%PDF-".utf8)
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let emptyZip: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    /// The OLE compound file of `.doc`, `.xls`, `.wps`, `.et`.
    static let compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    static let rtf: [UInt8] = Array("{\\rtf".utf8)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Every format accepted, in the order the documentation lists them.
    static let all: [AttachmentFormat] = [
        AttachmentFormat("pdf", "PDF", "application/pdf", [pdf], anywhere: true),
        AttachmentFormat("ofd", "OFD", "application/ofd", [zip]),
        // Word saves `.doc` files that are RTF or OOXML inside when asked to; they open as `.doc`.
        AttachmentFormat("doc", "Word", "application/msword", [compound, zip, rtf]),
        AttachmentFormat("docx", "Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [zip]),
        AttachmentFormat("wps", "WPS", "application/vnd.ms-works", [compound, zip]),
        AttachmentFormat("odt", "ODT", "application/vnd.oasis.opendocument.text", [zip]),
        AttachmentFormat("rtf", "RTF", "application/rtf", [rtf]),
        AttachmentFormat("txt", "TXT", "text/plain", []),
        AttachmentFormat("xls", "Excel", "application/vnd.ms-excel", [compound, zip]),
        AttachmentFormat("xlsx", "Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [zip]),
        AttachmentFormat("et", "WPS表格", "application/vnd.ms-excel", [compound, zip]),
        AttachmentFormat("zip", "ZIP", "application/zip", [zip, emptyZip]),
        AttachmentFormat("jpg", "JPG", "image/jpeg", [jpeg]),
        AttachmentFormat("jpeg", "JPG", "image/jpeg", [jpeg]),
        AttachmentFormat("png", "PNG", "image/png", [png]),
    ]

    /// The extensions accepted, lowercase, in the documentation's order.
    static let extensions: [String] = all.map(\.fileExtension)

    private static let byExtension: [String: AttachmentFormat] = Dictionary(uniqueKeysWithValues: all.map { ($0.fileExtension, $0) })

    private init(_ fileExtension: String, _ label: String, _ mimeType: String, _ signatures: [[UInt8]], anywhere: Bool = false) {
        self.fileExtension = fileExtension
        self.label = label
        self.mimeType = mimeType
        self.signatures = signatures
        self.signatureAnywhereInHead = anywhere
    }

    /// The format of a file name (by its extension, in any case), nil when it is not accepted.
    static func of(fileName: String) -> AttachmentFormat? {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        return byExtension[fileName[fileName.index(after: dot)...].lowercased()]
    }

    /// Whether a file starting with `head` (its first `headSize` bytes) is of this format.
    func matches(head: [UInt8]) -> Bool {
        guard !signatures.isEmpty else { return true }
        return signatures.contains { signature in
            if signatureAnywhereInHead {
                guard head.count >= signature.count else { return false }
                return (0...(head.count - signature.count)).contains { head[$0..<($0 + signature.count)].elementsEqual(signature) }
            }
            return head.starts(with: signature)
        }
    }

    /// A size as the page shows it, in 1024-based units: below a mebibyte whole kilobytes rounded
    /// up (a 100-byte file is `1KB`, never `0KB`), from a mebibyte on megabytes with one decimal
    /// rounded half up (`1.2MB`).
    static func sizeText(_ bytes: Int64) -> String {
        let kilobytes = max(1, (bytes + 1023) / 1024)
        if kilobytes < 1024 { return "\(kilobytes)KB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10)MB"
    }
}
