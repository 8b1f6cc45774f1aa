/// Text as it was laid out on pages: lines of spans, each with its horizontal extent.
///
/// Both PDF words with their boxes (`pdftotext -bbox-layout`) and column-aligned text
/// (`pdftotext -layout`, where a span's extent is its character columns) come to this shape, so
/// that tables are rebuilt from positions in one place (`LayoutAssembler`).
struct TextLayout: Sendable {
    struct Span: Sendable {
        var text: String
        var x0: Double
        var x1: Double
        /// The span's first character in the source, for messages.
        var position: SourceDocument.Position

        var center: Double { (x0 + x1) / 2 }
        var cell: CellText { CellText(text) }
        var isFigure: Bool {
            if case .number = cell { return true }
            return false
        }
    }

    struct Line: Sendable {
        var spans: [Span]
        /// The vertical position on the page (top to bottom), in the unit of `x`.
        var y: Double
        var page: Int
        var position: SourceDocument.Position

        var text: String { spans.map(\.text).joined(separator: " ") }
        var x0: Double { spans.first?.x0 ?? 0 }
        var x1: Double { spans.last?.x1 ?? 0 }
    }

    var lines: [Line]
    /// The width of one character: the unit gaps and tolerances are measured in.
    var unit: Double
}
