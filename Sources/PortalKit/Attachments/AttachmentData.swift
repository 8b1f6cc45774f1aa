import Foundation

/// What the site shows of a report's attachments: the links of its page and the list in its `data.json`.
enum AttachmentData {
    /// The `attachments` of a report page's context (see docs/themes.md): each file's link beside
    /// the page, its title, format and size.
    static func pageContext(_ report: Report) -> [[String: Any]] {
        report.attachments.map { attachment in
            [
                "title": attachment.entry.shownTitle,
                "fileName": attachment.entry.fileName,
                "url": href(attachment.entry.outputName),
                "format": attachment.format.label,
                "extension": attachment.format.fileExtension,
                "mimeType": attachment.format.mimeType,
                "size": attachment.size,
                "sizeText": attachment.sizeText,
            ]
        }
    }

    /// A link to a file beside the page: its name percent-encoded but for the characters a path
    /// segment may hold as they are (the names portal-gen makes are ASCII already).
    static func href(_ name: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(0x80)))
        allowed.insert(charactersIn: "-._~")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }

    /// The `attachments` array of a report's `data.json`: each file's name, address, format, size
    /// in bytes and SHA-256, keys sorted like the rest of the file.
    static func write(_ copied: [AttachmentCopier.Copied], config: PortalConfig, into json: inout JSONWriter) {
        json.beginArray()
        for item in copied {
            let attachment = item.attachment
            json.beginObject()
            json.key("file")
            json.string(attachment.entry.fileName)
            json.key("format")
            json.string(attachment.format.fileExtension)
            json.key("mime_type")
            json.string(attachment.format.mimeType)
            json.key("sha256")
            json.string(item.sha256)
            json.key("size")
            json.number(String(attachment.size))
            json.key("title")
            json.string(attachment.entry.shownTitle)
            json.key("url")
            json.string((config.siteURL.map { $0 + config.basePath } ?? "") + item.path.split(separator: "/").map { href(String($0)) }.joined(separator: "/"))
            json.endObject()
        }
        json.endArray()
    }

    /// Fingerprint of what `write` writes but the report's file does not say (digests, sizes).
    static func fingerprint(_ copied: [AttachmentCopier.Copied]) -> String {
        ContentHash.of(copied.map { "\($0.path) \($0.sha256) \($0.attachment.shownFingerprint)" }.joined(separator: "\n"))
    }
}
