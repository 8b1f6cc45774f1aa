import Foundation

/// A content file split into its YAML front matter and its Markdown body.
///
/// The front matter sits between a first line `---` and the next line that is `---` (or `...`).
/// Line numbers are kept so that YAML errors and body positions point into the real file.
public struct FrontMatter: Sendable {
    public let yaml: String
    /// The file line on which the YAML starts (the line after the opening `---`).
    public let yamlFirstLine: Int
    public let body: String
    /// The file line on which the body starts.
    public let bodyFirstLine: Int

    /// Splits normalized text (LF line endings, no BOM); errors name the file and line.
    public static func split(_ source: SourceText) throws(DiagnosticsError) -> FrontMatter {
        let text = source.text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isDelimiter(first, allowDots: false) else {
            let hint = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "the file is empty" : "the file does not start with front matter"
            throw DiagnosticsError([.error("\(hint); a report starts with a line `---`, then its details (title, township, year, …), then another line `---`, then the text", at: SourceLocation(file: source.path, line: 1))])
        }
        guard let closing = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], allowDots: true) }) else {
            throw DiagnosticsError([.error("the front matter opened on line 1 is never closed; add a line `---` after the last detail line", at: SourceLocation(file: source.path, line: 1))])
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2)
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
