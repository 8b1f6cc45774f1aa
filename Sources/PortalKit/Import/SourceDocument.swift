/// A report as read from a delivered file, before anything is recognised: paragraphs and tables
/// in reading order, each with where it came from, plus any metadata block the page had.
struct SourceDocument: Sendable {
    /// Where a piece of the input is, for messages: a line number for text and HTML, a paragraph
    /// or table row for Word documents.
    struct Position: Sendable, Hashable, CustomStringConvertible {
        var line: Int
        /// The character on the line where the row, cell or heading begins (1 when unknown).
        var column: Int
        var label: String?

        init(line: Int, column: Int = 1, label: String? = nil) {
            self.line = max(1, line)
            self.column = max(1, column)
            self.label = label
        }

        var description: String { label ?? "line \(line)" }
    }

    struct Paragraph: Sendable {
        var text: String
        var position: Position
        /// 1 or 2 when the source marked it as a heading (Word heading styles, HTML h1–h6).
        var headingLevel: Int?
    }

    /// A table as a grid; a cell covered by a merged neighbour is nil, a cell left empty is "".
    struct Table: Sendable {
        var rows: [[String?]]
        var positions: [Position]
    }

    enum Block: Sendable {
        case paragraph(Paragraph)
        case table(Table)
    }

    var blocks: [Block]
    /// Found in a saved page's metadata block: `索引号`, `发布机构`, `发布日期`, `成文日期`, `文号`.
    var metadata: [String: String]
    /// What the reader already knows it could not read for certain (a row of figures it could not
    /// place when rebuilding a table from positions).
    var issues: [ImportIssue]

    init(blocks: [Block], metadata: [String: String] = [:], issues: [ImportIssue] = []) {
        self.blocks = blocks
        self.metadata = metadata
        self.issues = issues
    }
}
