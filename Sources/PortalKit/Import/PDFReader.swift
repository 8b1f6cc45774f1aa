import Foundation

/// Reads a PDF through poppler's `pdftotext -bbox-layout`, run as its own process (poppler is GPL;
/// portal-gen does not link it), and places every word by its box: lines are words at the same
/// height, so that tables are rebuilt from positions, not from the order the PDF stores its text in.
enum PDFReader {
    static let timeout = 60
    /// What `pdftotext` may print: a 6-page report gives about 100 KB.
    static let outputLimit = 64 * 1024 * 1024

    static func read(_ url: URL, displayPath: String) throws(DiagnosticsError) -> SourceDocument {
        let start = SourceLocation(file: displayPath, line: 1)
        let output: Data
        do {
            output = try ExternalTool(name: "pdftotext", timeout: .seconds(timeout), outputLimit: outputLimit)
                .run(["-bbox-layout", "-enc", "UTF-8", url.path, "-"])
        } catch {
            switch error {
            case .notInstalled: throw DiagnosticsError([.error(.importPDFToolMissing, at: start)])
            case .timedOut(let seconds): throw DiagnosticsError([.error(.importPDFTimedOut(seconds: seconds), at: start)])
            case .outputTooLarge(let megabytes): throw DiagnosticsError([.error(.importTooLarge(megabytes: megabytes, limit: megabytes), at: start)])
            case .failed(_, let detail):
                let reason = detail.trimmingCharacters(in: .whitespacesAndNewlines)
                throw DiagnosticsError([.error(.importPDFToolFailed(reason: reason.isEmpty ? "pdftotext 异常退出" : reason), at: start)])
            }
        }
        guard let tree = HTMLTree.parse(output) else {
            throw DiagnosticsError([.error(.importPDFToolFailed(reason: "pdftotext 的输出无法解析"), at: start)])
        }
        let layout = try layout(of: tree, at: start)
        return LayoutAssembler.assemble(layout)
    }

    /// Words by page, grouped into lines by height and into spans by the gaps between them.
    static func layout(of tree: HTMLTree, at start: SourceLocation) throws(DiagnosticsError) -> TextLayout {
        struct Word {
            var text: String
            var x0, y0, x1, y1: Double
            var yCenter: Double { (y0 + y1) / 2 }
        }
        var pages: [[Word]] = []
        for page in tree.elements(where: { $0.name == "page" }) {
            pages.append(
                page.elements(where: { $0.name == "word" }).compactMap { word in
                    func value(_ key: String) -> Double? { word.attributes[key].flatMap(Double.init) }
                    guard let x0 = value("xmin"), let y0 = value("ymin"), let x1 = value("xmax"), let y1 = value("ymax") else { return nil }
                    let text = TextNormalizer.normalize(word.textContent)
                    return text.isEmpty ? nil : Word(text: text, x0: x0, y0: y0, x1: x1, y1: y1)
                })
        }
        let all = pages.flatMap { $0 }
        let characters = all.reduce(0) { $0 + $1.text.count }
        guard characters >= 20 else { throw DiagnosticsError([.error(.importPDFNoText, at: start)]) }
        let unreadable = all.reduce(0) { $0 + $1.text.unicodeScalars.filter(TextNormalizer.isUnreadable).count }
        if unreadable * 10 > characters {
            throw DiagnosticsError([.error(.importPDFNoCharacterMap(share: unreadable * 100 / characters), at: start)])
        }
        // The unit: the width of one Chinese character of running text.
        let widths = all.filter { $0.text.count >= 2 && $0.text.allSatisfy(LayoutAssembler.isWide) }.map { ($0.x1 - $0.x0) / Double($0.text.count) }.sorted()
        let unit = widths.isEmpty ? 10.5 : widths[widths.count / 2]

        func characterWidth(_ text: String, _ x0: Double, _ x1: Double) -> Double? {
            let wide = text.filter(LayoutAssembler.isWide).count
            return wide >= 2 && wide * 2 >= text.count ? (x1 - x0) / Double(text.count) : nil
        }
        func characterWidth(_ word: Word) -> Double? { characterWidth(word.text, word.x0, word.x1) }
        func characterWidth(_ span: TextLayout.Span) -> Double? { characterWidth(span.text, span.x0, span.x1) }

        var lines: [TextLayout.Line] = []
        for (pageIndex, words) in pages.enumerated() {
            var grouped: [[Word]] = []
            for word in words.sorted(by: { $0.yCenter < $1.yCenter }) {
                if let first = grouped.last?.first, word.yCenter - first.yCenter <= unit * 0.5 {
                    grouped[grouped.count - 1].append(word)
                } else {
                    grouped.append([word])
                }
            }
            for (lineIndex, group) in grouped.enumerated() {
                let position = SourceDocument.Position(line: lineIndex + 1, label: "第\(pageIndex + 1)页")
                var spans: [TextLayout.Span] = []
                for word in group.sorted(by: { $0.x0 < $1.x0 }) {
                    let isFigure = T3LayoutRebuilder.isFigureLike(word.text)
                    // Words of running text are joined; a figure only when it touches text (`236条`),
                    // never to another figure: figures of adjacent columns stand apart.
                    // The gap is measured in the size of the text beside it (a title's characters are larger).
                    if var last = spans.last, case let gap = word.x0 - last.x1, case let local = max(characterWidth(last) ?? unit, characterWidth(word) ?? 0),
                        isFigure || T3LayoutRebuilder.isFigureLike(last.text)
                            ? gap < local * 0.4 && isFigure != T3LayoutRebuilder.isFigureLike(last.text) : gap < unit * 0.6
                    {
                        last.text = LayoutAssembler.tightened(last.text + (gap > local * 0.15 ? " " : "") + word.text)
                        last.x1 = max(last.x1, word.x1)
                        spans[spans.count - 1] = last
                    } else {
                        spans.append(TextLayout.Span(text: word.text, x0: word.x0, x1: word.x1, position: position))
                    }
                }
                lines.append(TextLayout.Line(spans: spans, y: group[0].yCenter, page: pageIndex + 1, position: position))
            }
        }
        return TextLayout(lines: lines, unit: unit)
    }
}
