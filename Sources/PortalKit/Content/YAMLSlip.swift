import Foundation

/// The slip of the pen behind a YAML error, in the words of the person who made it.
///
/// Staff type settings and front matter with a Chinese input method: a full-width colon
/// (`year：2025`), a missing space (`year:2025`), a tab, an unclosed quote or bracket. The YAML
/// parser then speaks of "simple keys" at the line after; this finds the character itself.
struct YAMLSlip: Equatable {
    var message: Message
    /// 1-based, within the YAML text.
    var line: Int
    /// 1-based, in characters.
    var column: Int

    /// The first slip on lines 1…`lastLine` (every line when nil), nil when none is recognised.
    static func find(in yaml: String, upTo lastLine: Int? = nil) -> YAMLSlip? {
        var number = 0
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if let lastLine, number > lastLine { break }
            if let slip = inspect(line.hasSuffix("\r") ? line.dropLast() : line, number: number) { return slip }
        }
        return nil
    }

    /// Full-width characters that a Chinese input method types in place of YAML's ASCII ones.
    static let fullWidth: [Character: (name: String, ascii: String)] = [
        "：": ("中文冒号", ":"), "，": ("中文逗号", ","), "［": ("全角方括号", "["), "］": ("全角方括号", "]"),
        "【": ("中文方括号", "["), "】": ("中文方括号", "]"), "｛": ("全角花括号", "{"), "｝": ("全角花括号", "}"),
        "－": ("全角短横线", "-"), "＃": ("全角井号", "#"), "　": ("全角空格", " "),
    ]

    private static func inspect(_ line: Substring, number: Int) -> YAMLSlip? {
        let characters = Array(line)
        var index = 0
        // Indentation: spaces only.
        while index < characters.count, characters[index] == " " || characters[index] == "\t" || characters[index] == "　" {
            if characters[index] == "\t" { return YAMLSlip(message: .yamlTabIndent, line: number, column: index + 1) }
            if characters[index] == "　" {
                return YAMLSlip(message: .yamlFullWidth(character: "　", name: "全角空格", replacement: "空格", example: "  A: 0"), line: number, column: index + 1)
            }
            index += 1
        }
        if index < characters.count, characters[index] == "#" { return nil }
        // A list item's dash.
        if index < characters.count, characters[index] == "－" {
            return YAMLSlip(message: .yamlFullWidth(character: "－", name: "全角短横线", replacement: "-", example: "- name: 城关镇"), line: number, column: index + 1)
        }
        if index + 1 < characters.count, characters[index] == "-", characters[index + 1] == " " {
            index += 2
            while index < characters.count, characters[index] == " " { index += 1 }
        }
        // The key: portal files use plain ASCII keys.
        let keyStart = index
        while index < characters.count, characters[index].isASCII, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
            index += 1
        }
        guard index > keyStart, index < characters.count else { return nil }
        let key = String(characters[keyStart..<index])
        while index < characters.count, characters[index] == " " { index += 1 }
        guard index < characters.count else { return nil }
        let rest = String(characters[(index + 1)...]).trimmingCharacters(in: .whitespaces)
        if characters[index] == "：" {
            return YAMLSlip(
                message: .yamlFullWidth(character: "：", name: "中文冒号", replacement: ":", example: "\(key): \(rest)"), line: number, column: index + 1)
        }
        guard characters[index] == ":" else { return nil }
        let colon = index
        index += 1
        if index < characters.count, characters[index] == "　" {
            return YAMLSlip(
                message: .yamlFullWidth(character: "　", name: "全角空格", replacement: "空格", example: "\(key): \(rest.trimmingCharacters(in: .whitespaces))"),
                line: number, column: index + 1)
        }
        if index < characters.count, characters[index] != " " {
            return YAMLSlip(message: .yamlNoSpaceAfterColon(key: key, value: rest), line: number, column: colon + 1)
        }
        while index < characters.count, characters[index] == " " { index += 1 }
        guard index < characters.count else { return nil }
        let value = characters[index...]
        if let slip = inspectValue(Array(value), from: index, line: number, key: key) { return slip }
        return nil
    }

    private static func inspectValue(_ value: [Character], from start: Int, line: Int, key: String) -> YAMLSlip? {
        guard let first = value.first else { return nil }
        if first == "\"" || first == "'" {
            var closed = false
            var index = 1
            while index < value.count {
                if first == "\"", value[index] == "\\" {
                    index += 2
                    continue
                }
                if value[index] == first {
                    if first == "'", index + 1 < value.count, value[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    closed = true
                    break
                }
                index += 1
            }
            return closed ? nil : YAMLSlip(message: .yamlUnclosedQuote(quote: String(first)), line: line, column: start + 1)
        }
        if first == "[" {
            // `[6, 1, , 0]`: a cell left out instead of written `~`.
            var previous: Character = "["
            for (offset, character) in value.enumerated().dropFirst() where character != " " {
                if character == "," || character == "]", previous == "," || (previous == "[" && character == ",") {
                    return YAMLSlip(message: .yamlEmptyItem, line: line, column: start + offset + 1)
                }
                previous = character
            }
        }
        if first == "[" || first == "{" {
            let close: Character = first == "[" ? "]" : "}"
            if let index = value.firstIndex(where: { fullWidth[$0] != nil && $0 != "　" }) {
                let found = value[index]
                return YAMLSlip(
                    message: .yamlFullWidth(
                        character: String(found), name: fullWidth[found]!.name, replacement: fullWidth[found]!.ascii, example: "\(key): [0, 0, 0]"),
                    line: line, column: start + index + 1)
            }
            let opened = value.filter { $0 == first }.count
            let closedCount = value.filter { $0 == close }.count
            if opened > closedCount {
                return YAMLSlip(message: .yamlUnclosedBracket(open: String(first), close: String(close)), line: line, column: start + 1)
            }
            return nil
        }
        // `title: 关于: 某事`: a second colon and space makes YAML read a key inside the value.
        let text = String(value)
        if let range = text.range(of: ": "), !text.hasPrefix("#") {
            let column = start + text.distance(from: text.startIndex, to: range.lowerBound) + 1
            let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\\\"").trimmingCharacters(in: .whitespaces) + "\""
            return YAMLSlip(message: .yamlColonInValue(key: key, value: quoted), line: line, column: column)
        }
        if first == "［" || first == "【" || first == "｛" {
            return YAMLSlip(
                message: .yamlFullWidth(
                    character: String(first), name: fullWidth[first]!.name, replacement: fullWidth[first]!.ascii, example: "\(key): [0, 0, 0]"),
                line: line, column: start + 1)
        }
        return nil
    }

    /// `text` with full-width digits, letters and punctuation turned into their ASCII forms; nil
    /// when there are none.
    static func asciiForm(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) || $0 == "\u{3000}" }) else { return nil }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    if scalar == "\u{3000}" { return " " }
                    return (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
                }))
    }
}
