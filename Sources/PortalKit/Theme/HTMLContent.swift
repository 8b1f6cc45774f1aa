import Mustache

/// The escaping every template's `{{value}}` goes through: `& < > " '` become character references.
///
/// swift-mustache's own HTML escaping looks every Character up in a dictionary, which hashes each
/// grapheme of every value; on a large portal that was 6 % of the build's CPU time. This escapes the same
/// five characters by scanning UTF-8 bytes, and returns the text untouched when it has none of them.
/// Working on bytes is also stricter: a combining mark after `<` cannot hide it from the escaper.
/// `Theme` switches every template to it with a `{{% CONTENT_TYPE: … }}` line.
struct HTMLContent: MustacheContentType {
    /// The name templates are switched to it by; registered with swift-mustache before parsing.
    static let name = "PORTAL_GEN_HTML"

    /// The line `Theme` puts above every template. Standalone, it renders nothing.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    /// How many lines `pragma` adds: subtracted from line numbers in template errors.
    static let pragmaLines = pragma.utf8.filter { $0 == 0x0A }.count

    static let registered: Void = MustacheContentTypes.register(HTMLContent(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// `text` with `& < > " '` replaced by `&amp; &lt; &gt; &quot; &#39;`.
    static func escape(_ text: String) -> String {
        var text = text
        let result: String? = text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            output.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        return result ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
