import Foundation
import PortalTestSupport
import Testing

@testable import PortalKit

/// The importer's promise as a property: over every text fixture of the PDF corpus and thousands
/// of mutations of them (lines deleted, duplicated, swapped, columns merged, digits glued), an
/// import either refuses or writes figures that are the published ones; a mutation may blank a
/// cell it destroyed, never change it to another figure.
@Suite struct ImportInvariantTests {
    static let folder = Repository.root.appendingPathComponent("Tests/Fixtures/import/pdf")

    struct Source {
        var township: String
        var year: Int
        var cells: [String: [String: [String?]]]
    }

    static func corpus() throws -> (files: [String: String], sources: [String: Source]) {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json"))) as? [String: Any])
        var sources: [String: Source] = [:]
        for (name, value) in try #require(json["sources"] as? [String: [String: Any]]) where value["t3"] != nil && value["t2"] != nil {
            var cells: [String: [String: [String?]]] = [:]
            for key in ["t2", "t3", "t4"] {
                cells[key] = try #require(value[key] as? [String: [Any]]).mapValues { $0.map { $0 is NSNull ? nil : "\($0)" } }
            }
            sources[name] = Source(township: try #require(value["township"] as? String), year: try #require(value["year"] as? Int), cells: cells)
        }
        return (try #require(json["files"] as? [String: String]), sources)
    }

    static func config() throws -> PortalConfig {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("Tests/Fixtures/import/portal.yml"), encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        return try #require(PortalConfigLoader.parse(SourceText(path: "portal.yml", text: text), diagnostics: &diagnostics))
    }

    /// The figures a content file holds, by table, row and column (nil: blank).
    static func figures(_ text: String) -> [String: [String: [String?]]]? {
        var diagnostics: [Diagnostic] = []
        guard let report = ReportSource.parse(SourceText(path: "x.md", text: text), diagnostics: &diagnostics), let statistics = report.statistics else {
            return nil
        }
        var result: [String: [String: [String?]]] = [:]
        for table in [statistics.t2, statistics.t3, statistics.t4] {
            for row in table.spec.rows {
                result[table.spec.key, default: [:]][row.key] = row.columns.indices.map { table.cell(row.key, $0)?.text }
            }
        }
        return result
    }

    /// Lines deleted, duplicated, swapped with the next, the runs of spaces of a line collapsed
    /// to one, or the spaces between its figures removed.
    static func mutations(of text: String, count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(state: seed)
        func next(_ bound: Int) -> Int { random.next(bound) }
        let lines = text.components(separatedBy: "\n")
        var results: [String] = []
        for _ in 0..<count {
            var mutated = lines
            let index = next(mutated.count)
            switch next(5) {
            case 0: mutated.remove(at: index)
            case 1: mutated.insert(mutated[index], at: index)
            case 2 where index + 1 < mutated.count: mutated.swapAt(index, index + 1)
            case 3: mutated[index] = mutated[index].replacingOccurrences(of: #" {2,}"#, with: " ", options: .regularExpression)
            default: mutated[index] = mutated[index].replacingOccurrences(of: #"(?<=\d) +(?=\d)"#, with: "", options: .regularExpression)
            }
            results.append(mutated.joined(separator: "\n"))
        }
        return results
    }

    @Test func anImportWritesThePublishedFiguresOrRefuses() throws {
        let (files, sources) = try Self.corpus()
        let importer = ReportImporter(
            config: try Self.config(), overrides: .init(published: CalendarDate(iso: "2025-01-20"), indexNumber: "X/1"))
        let workspace = try TemporaryFolder()
        var imported = 0
        var refused = 0
        var blanked = 0
        let texts = files.keys.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        #expect(texts.count >= 20)
        for (number, file) in texts.enumerated() {
            guard let expected = sources[files[file]!] else { continue }
            let original = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            for (variant, text) in ([original] + Self.mutations(of: original, count: 60, seed: UInt64(number + 1))).enumerated() {
                let input = try workspace.write(text, to: "input/\(variant)-\(file)")
                // The township and year are given: a mutation may cut the title, and this is about figures.
                var overrides = importer.overrides
                overrides.township = expected.township
                overrides.year = expected.year
                let result: ReportImporter.Result
                do {
                    result = try ReportImporter(config: importer.config, overrides: overrides).importFile(input, displayPath: file)
                } catch {
                    refused += 1
                    continue
                }
                guard result.issues.isEmpty else {
                    refused += 1
                    continue
                }
                let written = try #require(Self.figures(result.text), "\(file) variant \(variant) reads back")
                imported += 1
                for (table, rows) in expected.cells {
                    for (row, cells) in rows {
                        let got = written[table]?[row] ?? Array(repeating: nil, count: cells.count)
                        for (column, cell) in got.enumerated() where cell != nil {
                            #expect(
                                cell == cells[column],
                                "\(file) variant \(variant): \(table).\(row)[\(column)] written \(cell!) but published \(cells[column] ?? "blank")")
                        }
                        blanked += zip(got, cells).filter { $0 == nil && $1 != nil }.count
                    }
                }
                if variant == 0 {
                    // Every figure written occurs in the input.
                    let digits = text.filter { !$0.isWhitespace }
                    for rows in written.values {
                        for cells in rows.values { for cell in cells.compactMap({ $0 }) { #expect(digits.contains(cell), "\(file): \(cell) is in the input") } }
                    }
                }
            }
        }
        #expect(imported > 100, "enough imports went through to test the property")
        #expect(refused > 100, "enough mutations were refused")
        _ = blanked
    }

    /// The same property for PDFs: the words pdftotext gives (with their boxes) mutated — a word
    /// dropped, duplicated, moved sideways by up to three characters or onto the next line — then
    /// laid out and imported as `portal-gen import` does.
    @Test func aPDFImportWritesThePublishedFiguresOrRefuses() throws {
        let (files, sources) = try Self.corpus()
        let config = try Self.config()
        var imported = 0
        var refused = 0
        let pdfs = files.keys.filter { $0.hasSuffix(".pdf") && sources[files[$0]!] != nil }.sorted()
        #expect(pdfs.count >= 10)
        for (number, file) in pdfs.enumerated() {
            let expected = sources[files[file]!]!
            let xhtml = try ExternalTool(name: "pdftotext").run(["-bbox-layout", "-enc", "UTF-8", Self.folder.appendingPathComponent(file).path, "-"])
            let original = String(decoding: xhtml, as: UTF8.self)
            let importer = ReportImporter(
                config: config,
                overrides: .init(township: expected.township, year: expected.year, published: CalendarDate(iso: "2025-01-20"), indexNumber: "X/1"))
            for (variant, text) in ([original] + Self.wordMutations(of: original, count: 30, seed: UInt64(number + 100))).enumerated() {
                guard let tree = HTMLTree.parse(Data(text.utf8)) else { continue }
                let result: ReportImporter.Result
                do {
                    let layout = try PDFReader.layout(of: tree, at: SourceLocation(file: file, line: 1))
                    result = try importer.recognize(LayoutAssembler.assemble(layout), plainText: true, displayPath: file, encoding: nil)
                } catch {
                    refused += 1
                    continue
                }
                guard result.issues.isEmpty, let written = Self.figures(result.text) else {
                    refused += 1
                    continue
                }
                imported += 1
                for (table, rows) in expected.cells {
                    for (row, cells) in rows {
                        for (column, cell) in (written[table]?[row] ?? []).enumerated() where cell != nil {
                            #expect(
                                cell == cells[column],
                                "\(file) variant \(variant): \(table).\(row)[\(column)] written \(cell!) but published \(cells[column] ?? "blank")")
                        }
                    }
                }
            }
        }
        #expect(imported > 50 && refused > 20, "imported \(imported), refused \(refused)")
    }

    /// Mutations of pdftotext's `-bbox-layout` output, one word at a time.
    static func wordMutations(of xhtml: String, count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(state: seed)
        func next(_ bound: Int) -> Int { random.next(bound) }
        let lines = xhtml.components(separatedBy: "\n")
        let words = lines.indices.filter { lines[$0].contains("<word ") }
        guard !words.isEmpty else { return [] }
        func shifted(_ line: String, x: Double, y: Double) -> String {
            var result = line
            for (key, delta) in [("xMin", x), ("xMax", x), ("yMin", y), ("yMax", y)] {
                guard let range = result.range(of: #"\#(key)="[0-9.]+""#, options: .regularExpression) else { continue }
                let value = Double(result[range].dropFirst(key.count + 2).dropLast()) ?? 0
                result.replaceSubrange(range, with: "\(key)=\"\(value + delta)\"")
            }
            return result
        }
        var results: [String] = []
        for _ in 0..<count {
            var mutated = lines
            let index = words[next(words.count)]
            switch next(4) {
            case 0: mutated[index] = ""
            case 1: mutated.insert(mutated[index], at: index)
            case 2: mutated[index] = shifted(mutated[index], x: Double(next(7) - 3) * 10.5, y: 0)
            default: mutated[index] = shifted(mutated[index], x: 0, y: 14)
            }
            results.append(mutated.joined(separator: "\n"))
        }
        return results
    }
}

/// A small linear congruential generator: the same mutations on every run and machine.
struct SeededRandom {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(1, bound)))
    }
}
