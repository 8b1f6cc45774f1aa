import Foundation

/// The text of one content file, decoded and with line endings made uniform.
///
/// Files come from Windows editors and Word: a byte-order mark and CRLF line endings are common and
/// must not change line numbers or break front matter detection.
public struct SourceText: Sendable {
    /// The path as it is shown in messages (relative to where the user ran the command when possible).
    let path: String
    let text: String

    init(path: String, text: String) {
        self.path = path
        self.text = SourceText.normalize(text)
    }

    /// Reads and decodes a file; a file that is not valid UTF-8 (or UTF-16 with a BOM) is an error
    /// naming the byte where decoding failed.
    public static func read(_ url: URL, displayPath: String) throws(DiagnosticsError) -> SourceText {
        try decode(try bytes(of: url, displayPath: displayPath), displayPath: displayPath)
    }

    /// The file's bytes, undecoded; an unreadable file is an error naming it.
    static func bytes(of url: URL, displayPath: String) throws(DiagnosticsError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw DiagnosticsError([.error(.fileUnreadable(reason: error.localizedDescription), at: SourceLocation(file: displayPath, line: 1))])
        }
    }

    static func decode(_ data: Data, displayPath: String) throws(DiagnosticsError) -> SourceText {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            if let text = String(data: data.dropFirst(2), encoding: encoding) {
                if text.unicodeScalars.contains("\u{0}") {
                    throw DiagnosticsError([.error(.fileHasNUL(offset: nil, looksLikeUTF16: false), at: SourceLocation(file: displayPath, line: 1))])
                }
                return SourceText(path: displayPath, text: text)
            }
            throw DiagnosticsError([
                .error(.fileBadUTF16, at: SourceLocation(file: displayPath, line: 1))
            ])
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let nul = body.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: 0, in: $0) }) {
            let line = 1 + body.prefix(nul).filter { $0 == 0x0A }.count
            let looksLikeUTF16 = body.count > 1 && (body[0] == 0 || body[1] == 0)
            throw DiagnosticsError([
                .error(.fileHasNUL(offset: nul, looksLikeUTF16: looksLikeUTF16), at: SourceLocation(file: displayPath, line: line))
            ])
        }
        if let text = String(validating: body, as: UTF8.self) {
            return SourceText(path: displayPath, text: text)
        }
        let offset = firstInvalidUTF8Offset(body) + (body.count == bytes.count ? 0 : 3)
        let line = 1 + bytes.prefix(offset).filter { $0 == 0x0A }.count
        throw DiagnosticsError([
            .error(.fileNotUTF8(offset: offset), at: SourceLocation(file: displayPath, line: line))
        ])
    }

    /// CRLF and lone CR become LF; a leading BOM left by string sources is removed.
    static func normalize(_ text: String) -> String {
        var text = text
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst() }
        guard text.utf8.withContiguousStorageIfAvailable({ ByteSearch.firstIndex(of: 0x0D, in: $0) != nil }) ?? text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return offset
            case .error:
                return offset
            }
        }
    }
}
