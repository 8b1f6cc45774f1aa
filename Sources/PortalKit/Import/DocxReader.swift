import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a Word 2007+ document: paragraphs with their heading level, and tables from the
/// document's real table structure, merged cells included (`w:gridSpan`, `w:vMerge`).
enum DocxReader {
    /// A document.xml larger than this is refused (a zip bomb inflates far beyond any real report).
    static let maximumDocumentSize = 64 * 1024 * 1024

    static func read(_ url: URL, displayPath: String) throws(DiagnosticsError) -> SourceDocument {
        let location = SourceLocation(file: displayPath, line: 1)
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw DiagnosticsError([
                .error(.docxNotOpenable, at: location)
            ])
        }
        guard let entry = archive["word/document.xml"] else {
            throw DiagnosticsError([.error(.docxNoBody, at: location)])
        }
        guard entry.uncompressedSize <= UInt64(maximumDocumentSize) else {
            throw DiagnosticsError([.error(.docxTooLarge(limit: maximumDocumentSize / 1024 / 1024), at: location)])
        }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                xml.append(chunk)
                if xml.count > maximumDocumentSize { throw CocoaError(.fileReadTooLarge) }
            }
        } catch {
            throw DiagnosticsError([.error(.docxUnreadable(reason: error.localizedDescription), at: location)])
        }
        let delegate = DocumentXMLDelegate()
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        guard parser.parse() else {
            throw DiagnosticsError([
                .error(
                    .docxDamaged(reason: parser.parserError?.localizedDescription ?? "unknown error"),
                    at: location)
            ])
        }
        return SourceDocument(blocks: delegate.blocks)
    }
}

/// Collects paragraphs and tables from `word/document.xml` as SAX events.
private final class DocumentXMLDelegate: NSObject, XMLParserDelegate {
    var blocks: [SourceDocument.Block] = []

    private var paragraphCount = 0
    private var tableCount = 0
    private var text = ""
    private var inText = false
    private var style: String?
    private var outlineLevel: Int?
    /// Nesting of tables; only the outermost is kept as a table (inner ones become cell text).
    private var tableDepth = 0
    private var rows: [[String?]] = []
    private var positions: [SourceDocument.Position] = []
    private var row: [String?] = []
    private var cellText = ""
    private var cellParagraphs: [String] = []
    private var gridSpan = 1
    private var verticalMerge: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "w:p":
            text = ""
            style = nil
            outlineLevel = nil
        case "w:t":
            inText = true
        case "w:tab":
            text += "\t"
        case "w:br", "w:cr":
            text += "\n"
        case "w:pStyle":
            style = attributes["w:val"]
        case "w:outlineLvl":
            outlineLevel = attributes["w:val"].flatMap(Int.init).map { $0 + 1 }
        case "w:tbl":
            tableDepth += 1
            if tableDepth == 1 {
                tableCount += 1
                rows = []
                positions = []
            }
        case "w:tr" where tableDepth == 1:
            row = []
        case "w:tc" where tableDepth == 1:
            cellParagraphs = []
            gridSpan = 1
            verticalMerge = nil
        case "w:gridSpan" where tableDepth == 1:
            // Word tables have at most 63 columns; anything larger is damaged or hostile.
            gridSpan = min(63, max(1, attributes["w:val"].flatMap(Int.init) ?? 1))
        case "w:vMerge" where tableDepth == 1:
            verticalMerge = attributes["w:val"] ?? "continue"
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t":
            inText = false
        case "w:p":
            if tableDepth > 0 {
                cellParagraphs.append(text)
            } else {
                paragraphCount += 1
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty {
                    blocks.append(
                        .paragraph(
                            .init(
                                text: trimmed, position: .init(line: paragraphCount, label: "paragraph \(paragraphCount)"),
                                headingLevel: headingLevel())))
                }
            }
        case "w:tc" where tableDepth == 1:
            let content = cellParagraphs.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "")
            // A vertically merged continuation cell is covered by the cell above.
            row.append(verticalMerge == "continue" ? nil : content)
            for _ in 1..<gridSpan { row.append(nil) }
        case "w:tr" where tableDepth == 1:
            guard rows.count < 2_000 else { break }
            rows.append(row)
            positions.append(.init(line: rows.count, label: "table \(tableCount), row \(rows.count)"))
        case "w:tbl":
            if tableDepth == 1 { blocks.append(.table(.init(rows: rows, positions: positions))) }
            tableDepth -= 1
        default:
            break
        }
    }

    /// Heading 1 / 标题 1 style ids ("Heading1", "1"), or an outline level.
    private func headingLevel() -> Int? {
        if let style {
            let lower = style.lowercased()
            if lower == "title" { return 1 }
            for prefix in ["heading", ""] where lower.hasPrefix(prefix) {
                if let level = Int(lower.dropFirst(prefix.count)), (1...6).contains(level) { return level }
            }
        }
        return outlineLevel
    }
}
