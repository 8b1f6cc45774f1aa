import Foundation
import Yams

/// Reads a YAML mapping into typed values while keeping every line number.
///
/// Settings and front matter are edited by hand, so every problem is reported with the line it is on,
/// unknown keys are errors (a typo must not silently drop data) and all problems are collected,
/// not just the first.
struct YAMLFields {
    let file: String
    /// Added to a YAML line to get the line in the file (front matter starts below `---`).
    let lineOffset: Int
    /// The mapping's pairs in order, read out of Yams once: iterating a `Node.Mapping` copies all
    /// its pairs into a new array, and the readers look keys up many times per mapping.
    let entries: [Entry]
    let mappingLocation: SourceLocation
    private(set) var diagnostics: [Diagnostic] = []

    /// Limits that keep hostile YAML (alias bombs, deep nesting, huge values) from exhausting time,
    /// memory or the stack. Real front matter is far below them; the size allows the settings of a
    /// national portal (40,000 townships are about 5 MB), since without aliases parsing is linear.
    static let maximumSize = 16 * 1024 * 1024
    static let maximumDepth = 32

    /// Refuses YAML that no portal file needs and that could make parsing explode: anchors and
    /// aliases (`&a`, `*a`, the stuff of alias bombs), deep nesting, huge size.
    static func refusal(_ yaml: String, part: Message.YAMLPart) -> Message? {
        if yaml.utf8.count > maximumSize {
            return .yamlTooLarge(part: part, limit: maximumSize / 1024 / 1024)
        }
        let bytes = Array(yaml.utf8)
        var depth = 0
        var deepest = 0
        var quote: UInt8? = nil
        func startsScalar(_ index: Int) -> Bool {
            index == 0
                || [0x20, 0x0A, 0x09, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?")]
                    .contains(bytes[index - 1])
        }
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-") || byte >= 0x80
        }
        for (index, byte) in bytes.enumerated() {
            if let open = quote {
                if byte == open || byte == 0x0A { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where startsScalar(index): quote = byte
            case UInt8(ascii: "'") where startsScalar(index): quote = byte
            case UInt8(ascii: "#") where startsScalar(index):
                quote = 0x0A  // a comment runs to the end of the line
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "*"), UInt8(ascii: "&"):
                if startsScalar(index), index + 1 < bytes.count, isNameByte(bytes[index + 1]) {
                    return .yamlAlias(part: part, sign: byte == UInt8(ascii: "*") ? "*" : "&")
                }
            default: break
            }
        }
        var indentation = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            indentation = max(indentation, line.prefix { $0 == 0x20 }.count)
        }
        if deepest > maximumDepth || indentation > maximumDepth * 4 {
            return .yamlTooDeep(part: part, limit: maximumDepth)
        }
        return nil
    }

    /// Composes `yaml` and reads its top-level mapping; returns nil (with a diagnostic) if it is not one.
    static func parse(yaml: String, file: String, lineOffset: Int, part: Message.YAMLPart, diagnostics: inout [Diagnostic]) -> YAMLFields? {
        if let refusal = refusal(yaml, part: part) {
            diagnostics.append(.error(refusal, at: SourceLocation(file: file, line: lineOffset + 1)))
            return nil
        }
        let node: Node?
        do {
            // The basic resolver: portal-gen types every value itself, and skipping YAML's implicit
            // typing (a regular expression per scalar) makes parsing several times faster.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch {
            diagnostics.append(YAMLFields.diagnostic(for: error, yaml: yaml, file: file, lineOffset: lineOffset))
            return nil
        }
        guard let node else {
            diagnostics.append(.error(.yamlEmpty(part: part), at: SourceLocation(file: file, line: lineOffset + 1)))
            return nil
        }
        guard let mapping = node.mapping else {
            if let slip = YAMLSlip.find(in: yaml) {
                diagnostics.append(.error(slip.message, at: SourceLocation(file: file, line: slip.line + lineOffset, column: slip.column)))
                return nil
            }
            let location = SourceLocation(file: file, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
            diagnostics.append(.error(.yamlNotMapping(part: part), at: location))
            return nil
        }
        return YAMLFields(file: file, lineOffset: lineOffset, mapping: mapping, at: node)
    }

    /// One `key: value` pair; `name` is the key's text when the key is a scalar.
    struct Entry {
        let name: String?
        let key: Node
        let value: Node
    }

    init(file: String, lineOffset: Int, mapping: Node.Mapping, at node: Node) {
        self.file = file
        self.lineOffset = lineOffset
        self.entries = mapping.map { Entry(name: $0.key.scalar?.string, key: $0.key, value: $0.value) }
        self.mappingLocation = SourceLocation(file: file, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
    }

    /// Turns a Yams error into a diagnostic at the right line of the file: the slip that caused
    /// it when one is recognised (`YAMLSlip`), else the parser's words inside a plain explanation.
    static func diagnostic(for error: Error, yaml: String, file: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case YamlError.scanner(let context, let problem, let mark, _),
            YamlError.parser(let context, let problem, let mark, _),
            YamlError.composer(let context, let problem, let mark, _):
            if let slip = YAMLSlip.find(in: yaml, upTo: mark.line) {
                return .error(slip.message, at: SourceLocation(file: file, line: slip.line + lineOffset, column: slip.column))
            }
            let words = context.map { "\(problem), \($0.text)" } ?? problem
            return .error(.yamlSyntax(problem: words), at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column))
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                .yamlDuplicateKey(keys: duplicates), at: SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column))
        case YamlError.reader(let problem, _, _, _):
            return .error(.yamlSyntax(problem: problem), at: SourceLocation(file: file, line: lineOffset + 1))
        default:
            return .error(.yamlSyntax(problem: "\(error)"), at: SourceLocation(file: file, line: lineOffset + 1))
        }
    }

    /// `text` without leading and trailing white space (the same characters as Foundation's
    /// `.whitespacesAndNewlines`: Unicode's White_Space and the zero-width space), without a trip through NSString.
    static func trimmed(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace || scalar == "\u{200B}" }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }

    /// Drops combining marks that follow `& < > " '`: such a pair is one Character in Swift, and
    /// Character-wise HTML escaping (swift-mustache's own) would let it through unescaped. Themes
    /// escape on bytes (`HTMLContent`); this is the second guard.
    static func detachMarks(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        func isMark(_ scalar: Unicode.Scalar) -> Bool {
            // No mark is below U+0300 or among the CJK ideographs, which are most of the text here.
            guard scalar.value >= 0x300, !(0x3400...0x9FFF).contains(scalar.value) else { return false }
            let category = scalar.properties.generalCategory
            return category == .nonspacingMark || category == .enclosingMark || category == .spacingMark
        }
        guard text.unicodeScalars.contains(where: isMark) else { return text }
        var result = String.UnicodeScalarView()
        var afterSpecial = false
        for scalar in text.unicodeScalars {
            let mark = isMark(scalar)
            if mark && afterSpecial { continue }
            afterSpecial = "&<>\"'".unicodeScalars.contains(scalar) || (afterSpecial && mark)
            result.append(scalar)
        }
        return String(result)
    }

    /// An empty value, `~` or `null` written without quotes.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return mappingLocation }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// The value for `key`, or nil when absent or written as an empty value / `null`.
    func node(_ key: String) -> Node? {
        guard let entry = entries.first(where: { $0.name == key }) else { return nil }
        if let scalar = entry.value.scalar, YAMLFields.isNull(scalar) { return nil }
        return entry.value
    }

    func keyNode(_ key: String) -> Node? {
        entries.first { $0.name == key }?.key
    }

    /// Where `key` is written, or where the mapping starts when it is missing.
    func location(ofKey key: String) -> SourceLocation {
        keyNode(key).map(location(of:)) ?? mappingLocation
    }

    mutating func error(_ message: Message, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    /// Reports every key that is not in `known`, suggesting the closest known key.
    mutating func rejectUnknownKeys(_ known: [String], in part: Message.YAMLPart) {
        for entry in entries {
            guard let name = entry.name else {
                error(.keyNotText(part: part), at: location(of: entry.key))
                continue
            }
            if known.contains(name) { continue }
            error(.unknownKey(key: name, part: part, suggestion: Suggestion.closest(to: name, in: known), known: known), at: location(of: entry.key))
        }
    }

    private mutating func missing(_ key: String, _ label: String) {
        // A key written with nothing after it (`published:`, as `portal-gen new` leaves it) is to
        // be filled in on its own line, not added.
        if let keyNode = keyNode(key) {
            error(.valueToFill(key: key, label: label), at: location(of: keyNode))
            return
        }
        error(.keyMissing(key: key, label: label), at: mappingLocation)
    }

    /// A text value; numbers and dates written without quotes are accepted as their text.
    mutating func string(_ key: String, _ label: String, required: Bool = false) -> String? {
        guard let node = node(key) else {
            if required { missing(key, label) }
            return nil
        }
        guard let scalar = node.scalar else {
            error(.valueNotText(key: key, label: label), at: location(of: node))
            return nil
        }
        let text = YAMLFields.detachMarks(YAMLFields.trimmed(scalar.string))
        if let (offset, scalar) = text.unicodeScalars.enumerated().first(where: { TextSafety.isHidden($0.element) }) {
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            error(
                .hiddenCharacter(key: key, label: label, position: offset + 1, code: code, isDirectionControl: TextSafety.isBidiControl(scalar)),
                at: location(of: node))
            return nil
        }
        if text.isEmpty {
            if required { error(.keyEmpty(key: key, label: label), at: location(of: node)) }
            return nil
        }
        return text
    }

    mutating func int(_ key: String, _ label: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = node(key) else {
            if required { missing(key, label) }
            return nil
        }
        let text = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else {
            if let ascii = YAMLSlip.asciiForm(text), !ascii.isEmpty, ascii.allSatisfy({ $0.isASCII && $0.isNumber }) {
                error(.fullWidthDigits(key: key, label: label, text: text, ascii: ascii), at: location(of: node))
            } else {
                error(.notWholeNumber(key: key, label: label, text: text), at: location(of: node))
            }
            return nil
        }
        if let range, !range.contains(value) {
            error(.numberOutOfRange(key: key, label: label, value: value, lowest: range.lowerBound, highest: range.upperBound), at: location(of: node))
            return nil
        }
        return value
    }

    mutating func bool(_ key: String, _ label: String) -> Bool? {
        guard let node = node(key) else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(.notTrueOrFalse(key: key, label: label), at: location(of: node))
            return nil
        }
    }

    /// A plain calendar date `YYYY-MM-DD`; times and time zones are refused so a date can never
    /// shift, and a date written another way (`2025/01/15`, `2025年1月15日`) is refused with its
    /// `YYYY-MM-DD` form, so every file writes dates one way.
    mutating func date(_ key: String, _ label: String, required: Bool = false) -> CalendarDate? {
        guard let text = string(key, label, required: required) else { return nil }
        if let date = CalendarDate(iso: text) { return date }
        let at = location(of: node(key)!)
        if text.count > 10, let date = CalendarDate(iso: String(text.prefix(10))) {
            error(.dateWithTime(key: key, label: label, text: text, date: date.iso), at: at)
        } else if let date = CalendarDate(written: text) {
            error(.dateWrongForm(key: key, label: label, text: text, date: date.iso), at: at)
        } else {
            error(.dateNotReal(key: key, label: label, text: text), at: at)
        }
        return nil
    }

    /// A nested mapping, read with the same rules.
    mutating func fields(_ key: String, _ label: String, required: Bool = false) -> YAMLFields? {
        guard let node = node(key) else {
            if required { missing(key, label) }
            return nil
        }
        guard let mapping = node.mapping else {
            error(.notAGroup(key: key, label: label), at: location(of: node))
            return nil
        }
        return YAMLFields(file: file, lineOffset: lineOffset, mapping: mapping, at: node)
    }

    /// A list whose items are mappings, each read with the same rules.
    mutating func list(_ key: String, _ label: String, required: Bool = false) -> [YAMLFields] {
        guard let node = node(key) else {
            if required { missing(key, label) }
            return []
        }
        guard let sequence = node.sequence else {
            error(.notAList(key: key, label: label), at: location(of: node))
            return []
        }
        var items: [YAMLFields] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                error(.listItemNotAGroup(key: key, label: label), at: location(of: item))
                continue
            }
            items.append(YAMLFields(file: file, lineOffset: lineOffset, mapping: mapping, at: item))
        }
        return items
    }

    /// Collects a nested reader's problems into this one.
    mutating func absorb(_ other: YAMLFields) {
        diagnostics += other.diagnostics
    }
}
