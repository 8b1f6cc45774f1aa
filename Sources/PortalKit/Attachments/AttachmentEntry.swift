import Foundation
import Yams

/// One item of a report's `attachments:` list, as written: a file kept beside the report file.
///
///     attachments:
///       - 城关镇2024年报.pdf
///       - file: 附件/盖章原件.pdf
///         title: 盖章原件
///
/// An item is a file name (the title is then the name without its extension) or a group with
/// `file` and an optional `title`. Paths are relative to the report file's folder and stay in it
/// or below it. What can be told from the text alone is checked here (see `parse`); the file
/// itself is looked at by `AttachmentCheck`, on every build, since it can change while the report
/// file does not.
struct AttachmentEntry: Sendable, Hashable {
    /// The path relative to the report file's folder, normalised (`./a.pdf` → `a.pdf`).
    var path: String
    /// The title shown on the page, when written.
    var title: String?
    /// Where the item is written in the report file.
    var line: Int
    var column: Int
    /// The file's name in the output folder, beside the report page: ASCII (see `outputName(for:taken:)`).
    var outputName: String

    static let key = "attachments"
    static let label = "附件"
    static let itemKeys = ["file", "title"]

    /// The file's own name (`城关镇2024年报.pdf`): what a reader's download is saved as.
    var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// The title on the page: as written, else the file name without its extension.
    var shownTitle: String {
        if let title { return title }
        let name = fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Reads `attachments:` of a front matter; problems go into `fields`' diagnostics, at the
    /// item's line. Items with a problem are left out.
    static func parse(_ fields: inout YAMLFields) -> [AttachmentEntry] {
        guard let node = fields.node(key) else { return [] }
        guard let sequence = node.sequence else {
            fields.error(.notAList(key: key, label: label), at: fields.location(of: node))
            return []
        }
        var entries: [AttachmentEntry] = []
        var seen: [String: Int] = [:]
        var taken: Set<String> = []
        for item in sequence {
            let mapping: Node.Mapping
            if item.scalar != nil {
                // A bare file name reads as `file: <name>`, so it is checked the same way.
                mapping = Node.Mapping([(Node("file"), item)])
            } else if let given = item.mapping {
                mapping = given
            } else {
                fields.error(.attachmentItemInvalid, at: fields.location(of: item))
                continue
            }
            var group = YAMLFields(file: fields.file, lineOffset: fields.lineOffset, mapping: mapping, at: item)
            group.rejectUnknownKeys(itemKeys, in: .attachment)
            let written = group.string("file", "附件文件", required: true)
            let title = group.string("title", "附件名称")
            let at = group.node("file").map { group.location(of: $0) } ?? group.location(of: item)
            fields.absorb(group)
            guard let written else { continue }
            let path: String
            switch normalise(written) {
            case .failure(let problem):
                fields.error(.attachmentPathRefused(path: written, problem: problem), at: at)
                continue
            case .success(let normalised): path = normalised
            }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let format = AttachmentFormat.of(fileName: name) else {
                let dot = name.lastIndex(of: ".")
                fields.error(
                    .attachmentTypeUnsupported(
                        path: written, extension: dot.map { String(name[name.index(after: $0)...]) } ?? "", allowed: AttachmentFormat.extensions),
                    at: at)
                continue
            }
            if let first = seen[path] {
                fields.error(.attachmentListedTwice(path: written, firstLine: first), at: at)
                continue
            }
            seen[path] = at.line
            let outputName = outputName(for: name, format: format, taken: taken)
            taken.insert(outputName)
            entries.append(AttachmentEntry(path: path, title: title, line: at.line, column: at.column, outputName: outputName))
        }
        return entries
    }

    /// The path as a plain relative path below the report's folder, or why it cannot be one.
    static func normalise(_ written: String) -> Result<String, Message.AttachmentPathProblem> {
        if written.contains("://") || written.lowercased().hasPrefix("www.") { return .failure(.address) }
        if written.contains("\\") {
            // `C:\…` is absolute before it is a matter of separators.
            return .failure(isDrive(written) ? .absolute : .backslash)
        }
        if written.hasPrefix("/") || written.hasPrefix("~") || isDrive(written) { return .failure(.absolute) }
        var components: [Substring] = []
        for component in written.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." { return .failure(.parent) }
            if component.hasPrefix(".") { return .failure(.hidden) }
            components.append(component)
        }
        let path = components.joined(separator: "/")
        guard !components.isEmpty, let safe = SafePath(path), safe.value.unicodeScalars.allSatisfy({ !TextSafety.isHidden($0) }) else {
            return .failure(.unusable)
        }
        return .success(safe.value)
    }

    private static func isDrive(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(2))
        return scalars.count == 2 && scalars[1] == ":" && scalars[0].isASCII && scalars[0].properties.isAlphabetic
    }

    /// The attachment's file name in the output folder: ASCII letters, digits and hyphens made
    /// from the name (`城关镇2024年报.pdf` → `chengguanzhen2024nianbao.pdf`), with the extension in
    /// lowercase, and `-2`, `-3` added when another attachment of the report has it already.
    ///
    /// Not the name itself: a site is often copied to a Windows server by FTP or as a ZIP file,
    /// which turn Chinese names into mojibake, and web servers and object storage differ in how
    /// they decode `%E5%9F%8E…`; an ASCII name is served alike everywhere. The reader's download
    /// still gets the original name (the link's `download` attribute).
    static func outputName(for fileName: String, format: AttachmentFormat, taken: Set<String>) -> String {
        let base = fileName.lastIndex(of: ".").map { String(fileName[..<$0]) } ?? fileName
        let isPlain = base.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        var stem = isPlain ? base.lowercased().replacingOccurrences(of: "_", with: "-") : Slug.fromPinyin(base)
        while stem.contains("--") { stem = stem.replacingOccurrences(of: "--", with: "-") }
        stem = String(stem.prefix(60))
        while stem.hasPrefix("-") { stem.removeFirst() }
        while stem.hasSuffix("-") { stem.removeLast() }
        if stem.isEmpty { stem = "fujian" }
        var name = "\(stem).\(format.fileExtension)"
        var number = 2
        while taken.contains(name) {
            name = "\(stem)-\(number).\(format.fileExtension)"
            number += 1
        }
        return name
    }
}

extension Message.AttachmentPathProblem: Error {}
