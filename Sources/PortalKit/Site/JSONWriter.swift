import Foundation

/// Writes JSON text directly, two-space indented, for the open-data files.
///
/// Containers nested deeper than `lineDepth` are written on one line, so a file listing thousands
/// of reports has one report per line: a third of the size, and `grep` and `diff` work line by line.
///
/// Figures are written from their exact decimal text, which no general encoder can promise, and
/// writing tens of thousands of reports this way is many times faster than going through `Encodable`.
struct JSONWriter {
    private var bytes: [UInt8] = []
    /// One entry per open container: whether it already has a member.
    private var open: [Bool] = []
    private var afterKey = false
    private let lineDepth: Int

    init(lineDepth: Int = .max) {
        self.lineDepth = lineDepth
    }

    private mutating func newlineAndIndent() {
        guard open.count <= lineDepth else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: open.count * 2))
    }

    /// Separator and indentation before a value or key in the current container.
    private mutating func beforeItem() {
        if afterKey {
            afterKey = false
            return
        }
        guard !open.isEmpty else { return }
        if open[open.count - 1] { bytes.append(UInt8(ascii: ",")) }
        open[open.count - 1] = true
        newlineAndIndent()
    }

    mutating func beginObject() {
        beforeItem()
        bytes.append(UInt8(ascii: "{"))
        open.append(false)
    }
    mutating func beginArray() {
        beforeItem()
        bytes.append(UInt8(ascii: "["))
        open.append(false)
    }

    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func close(_ bracket: UInt8) {
        let hadMembers = open.removeLast()
        if hadMembers, open.count < lineDepth { newlineAndIndent() }
        bytes.append(bracket)
    }

    mutating func key(_ name: String) {
        beforeItem()
        appendQuoted(name)
        endKey()
    }

    /// A key already written as a quoted JSON string (see `quoted`), for keys written millions of times.
    mutating func key(quoted: [UInt8]) {
        beforeItem()
        bytes.append(contentsOf: quoted)
        endKey()
    }

    private mutating func endKey() {
        bytes.append(UInt8(ascii: ":"))
        if open.count <= lineDepth { bytes.append(0x20) }
        afterKey = true
    }

    /// `text` as a quoted JSON string.
    static func quoted(_ text: String) -> [UInt8] {
        var writer = JSONWriter()
        writer.appendQuoted(text)
        return writer.bytes
    }

    /// A string, or `null`.
    mutating func string(_ value: String?) {
        beforeItem()
        if let value { appendQuoted(value) } else { bytes.append(contentsOf: Array("null".utf8)) }
    }

    /// A number written exactly as given (it must already be valid JSON number text), or `null`.
    mutating func number(_ text: String?) {
        beforeItem()
        bytes.append(contentsOf: Array((text ?? "null").utf8))
    }

    /// Where a value written now goes: how deeply nested, and up to which depth the writer breaks
    /// lines. Two writers in the same place write a value the same way, so ready-made JSON for one
    /// can be written by the other with `raw`.
    var place: Place { Place(depth: open.count, lineDepth: lineDepth) }

    struct Place: Hashable, Sendable {
        var depth: Int
        var lineDepth: Int
    }

    /// A value given as JSON bytes that `write` appends, made for this writer's `place`.
    mutating func raw(_ write: (inout [UInt8]) -> Void) {
        beforeItem()
        write(&bytes)
    }

    /// A hole for a figure instead of a figure: records where it goes in `template`, for
    /// writing a value once and filling it for each report (see `FigureTemplate`).
    mutating func figure(table: Int, cell: Int, into template: inout FigureTemplate.Builder) {
        beforeItem()
        template.append(bytes)
        bytes.removeAll(keepingCapacity: true)
        template.figure(table: table, cell: cell)
    }

    /// Writes a value with `write` at `place` and returns its bytes and holes, for a `FigureTemplate`.
    static func template(at place: Place, _ write: (inout JSONWriter, inout FigureTemplate.Builder) -> Void) -> FigureTemplate.Builder {
        var writer = JSONWriter(lineDepth: place.lineDepth)
        writer.open = Array(repeating: false, count: place.depth)
        writer.afterKey = true
        var template = FigureTemplate.Builder()
        write(&writer, &template)
        template.append(writer.bytes)
        return template
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most text needs no escaping (Chinese names, dates, paths): copied in one go.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == 0x5C || $0 == 0x3C }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x3C: bytes.append(contentsOf: Array("\\u003c".utf8))  // `<`: safe to inline in HTML
            case 0..<0x20: bytes.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The bytes written so far, leaving the writer empty but in the same place in the document,
    /// so a long document can be written out in pieces.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Ends the document with a newline.
    mutating func finish() {
        bytes.append(0x0A)
    }

    /// The finished text with a final newline; the writer's buffer is handed over, not copied twice.
    var data: Data {
        mutating get {
            finish()
            return Data(bytes)
        }
    }
}
