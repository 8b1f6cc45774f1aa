/// Reads column-aligned text (what `pdftotext -layout` prints): a page per form feed, cells
/// separated by runs of spaces, each span placed at its character column.
enum LayoutTextReader {
    /// Whether `text` is laid out in columns rather than one cell per line or tab-separated: enough
    /// lines hold several figures apart from their label by runs of spaces.
    static func looksLaidOut(_ text: String) -> Bool {
        var aligned = 0
        var separated = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(5_000) {
            if line.contains("\t") || line.filter({ $0 == "|" || $0 == "｜" }).count >= 2 {
                separated += 1
                continue
            }
            let spans = self.spans(of: String(line), line: 1)
            if spans.count >= 3, spans.filter(\.isFigure).count >= 2, spans.contains(where: { !$0.isFigure }) { aligned += 1 }
        }
        // pdftotext ends every page with a form feed: its output is read by position even with few columns.
        return (aligned >= 4 || text.contains("\u{0C}")) && aligned >= separated
    }

    static func read(_ text: String) -> TextLayout {
        var lines: [TextLayout.Line] = []
        var page = 1
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = TextNormalizer.normalize(String(raw))
            while line.first == "\u{0C}" {
                page += 1
                line.removeFirst()
            }
            let spans = spans(of: line, line: index + 1)
            guard !spans.isEmpty else { continue }
            lines.append(TextLayout.Line(spans: spans, y: Double(index), page: page, position: spans[0].position))
        }
        return TextLayout(lines: lines, unit: 1)
    }

    /// The spans of a line: text separated by two or more spaces, and figures separated by one.
    static func spans(of line: String, line number: Int) -> [TextLayout.Span] {
        let characters = Array(line.replacingOccurrences(of: "\u{0C}", with: " ").replacingOccurrences(of: "\t", with: "  "))
        var spans: [TextLayout.Span] = []
        var start: Int?
        var index = 0
        func close(_ end: Int) {
            guard let begin = start else { return }
            let text = String(characters[begin..<end])
            spans += splitFigures(text, at: begin, line: number)
            start = nil
        }
        while index < characters.count {
            let character = characters[index]
            if character == " " || character == "\u{3000}" {
                var run = index
                while run < characters.count, characters[run] == " " || characters[run] == "\u{3000}" { run += 1 }
                let width = characters[index..<run].reduce(0) { $0 + ($1 == "\u{3000}" ? 2 : 1) }
                if width >= 2 || run == characters.count { close(index) }
                index = run
                continue
            }
            if start == nil { start = index }
            index += 1
        }
        close(characters.count)
        return spans
    }

    /// A span of words split before a figure that a single space separates from the rest, when it
    /// is one of a run of figures or ends the span (`合法权益 0 0 01`, `行政许可 58`), but not in running
    /// text (`共收到申请 8 件`) or inside brackets (`1（其中修订 1 件）`).
    private static func splitFigures(_ text: String, at offset: Int, line: Int) -> [TextLayout.Span] {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let figure = words.map(T3LayoutRebuilder.isFigureLike)
        var spans: [TextLayout.Span] = []
        var position = offset
        var current: (text: String, start: Int)?
        var currentIsFigure = false
        for (index, word) in words.enumerated() {
            let inBrackets =
                current.map { open in
                    open.text.filter { "（(".contains($0) }.count > open.text.filter { "）)".contains($0) }.count
                } ?? false
            let next = index + 1 < words.count ? figure[index + 1] : true
            let previous = index > 0 ? figure[index - 1] : false
            let splitsFigure = figure[index] && (next || previous)
            if let open = current, inBrackets || !(splitsFigure || currentIsFigure) {
                current = (open.text + " " + word, open.start)
            } else {
                if let open = current { spans.append(span(open.text, open.start, line)) }
                current = (word, position)
                currentIsFigure = splitsFigure
            }
            position += word.count + 1
        }
        if let open = current { spans.append(span(open.text, open.start, line)) }
        return spans.filter { !$0.text.isEmpty }
    }

    private static func span(_ text: String, _ start: Int, _ line: Int) -> TextLayout.Span {
        TextLayout.Span(
            text: text, x0: Double(start), x1: Double(start + text.count), position: SourceDocument.Position(line: line, column: start + 1))
    }
}
