import Foundation

/// A content file split into its YAML front matter and its Markdown body.
///
/// The front matter sits between a first line `---` and the next line that is `---` (or `...`).
/// Line numbers are kept so that YAML errors and body positions point into the real file.
struct FrontMatter: Sendable {
    let yaml: String
    /// The file line on which the YAML starts (the line after the opening `---`).
    let yamlFirstLine: Int
    let body: String
    /// The file line on which the body starts.
    let bodyFirstLine: Int

    /// Splits normalized text (LF line endings, no BOM); errors name the file and line.
    static func split(_ source: SourceText) throws(DiagnosticsError) -> FrontMatter {
        let text = source.text
        let utf8 = text.utf8
        // Line starts, found on the bytes: this runs for every file of every build.
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart <= utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let line = text[lineStart..<lineEnd]
            if lineNumber == 1 {
                guard isDelimiter(line, allowDots: false) else {
                    let empty = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    throw DiagnosticsError([.error(.frontMatterAbsent(fileIsEmpty: empty), at: SourceLocation(file: source.path, line: 1))])
                }
                yamlStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
            } else if isDelimiter(line, allowDots: true) {
                let bodyStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                let yamlEnd = yamlStart! < lineStart ? utf8.index(before: lineStart) : lineStart
                return FrontMatter(
                    yaml: String(text[yamlStart!..<yamlEnd]), yamlFirstLine: 2,
                    body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1)
            }
            if lineEnd == utf8.endIndex { break }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        throw DiagnosticsError([
            .error(.frontMatterUnclosed, at: SourceLocation(file: source.path, line: 1))
        ])
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var bytes = line.utf8[...]
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8) || (allowDots && bytes.elementsEqual("...".utf8))
    }
}
