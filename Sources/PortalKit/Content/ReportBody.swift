import Foundation

/// A report's Markdown narrative, read again from its file when the report's page is rendered.
///
/// The model keeps no narrative: a portal of 250,000 reports would not fit in memory with every
/// text in it. The file is checked against the fingerprint it had when it was parsed, so a file
/// edited during the build is never published half-checked.
enum ReportBody {
    static func read(_ report: Report) throws(DiagnosticsError) -> String {
        let source = try SourceText.read(URL(fileURLWithPath: report.file), displayPath: report.source)
        guard ContentHash.of(source.text) == report.contentHash else {
            throw DiagnosticsError([.error(.fileChangedAfterParse, at: SourceLocation(file: report.source, line: 1))])
        }
        return try FrontMatter.split(source).body
    }
}
