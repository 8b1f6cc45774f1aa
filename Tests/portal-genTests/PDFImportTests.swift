import Foundation
import PortalKit
import Testing

/// `portal-gen import` of what townships actually publish: PDFs (LibreOffice and Chromium exports
/// of the fixture sources, read through the real pdftotext), their `pdftotext -layout` and plain
/// `pdftotext` text, and the text flattened onto one line. Every file either imports with every
/// cell exactly as published or is refused with its reason; none writes a figure it did not read.
@Suite struct PDFImportTests {
    static let folder = ImportCommandTests.fixtures.appendingPathComponent("pdf")

    struct Corpus {
        /// File → source name.
        var files: [String: String]
        /// Source → township, year and every cell (nil for a blank).
        var sources: [String: ImportCommandTests.Expected]
        var refusals: [String: String]
    }

    static let corpus: Corpus = {
        let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json"))) as! [String: Any]
        var sources: [String: ImportCommandTests.Expected] = [:]
        var refusals: [String: String] = [:]
        for (name, value) in json["sources"] as! [String: [String: Any]] {
            if let refuse = value["refuse"] as? String { refusals[name] = refuse }
            guard value["t3"] != nil, value["t2"] != nil else { continue }
            var tables: [String: [String: [String?]]] = [:]
            for key in ["t2", "t3", "t4"] {
                tables[key] = (value[key] as! [String: [Any]]).mapValues { $0.map { $0 is NSNull ? nil : "\($0)" } }
            }
            sources[name] = ImportCommandTests.Expected(
                township: value["township"] as! String, year: value["year"] as! Int, format: value["format"] as! String, tables: tables, notes: [])
        }
        return Corpus(files: json["files"] as! [String: String], sources: sources, refusals: refusals)
    }()

    /// What is read exactly: every PDF and `-layout` text of the structured fixtures, the
    /// flattened text where the flattening kept the blanks and separators, and the sources.
    static let exact = [
        "chengguan-2024.lo.pdf", "chengguan-2024.chromium.pdf", "chengguan-2024.lo.layout.txt", "chengguan-2024.chromium.layout.txt",
        "donghu-2023.chromium.pdf", "donghu-2023.chromium.layout.txt", "donghu-2023.flat.txt",
        "wrapped-2024.docx", "wrapped-2024.lo.pdf", "wrapped-2024.chromium.pdf", "wrapped-2024.lo.layout.txt", "wrapped-2024.chromium.layout.txt",
        "stacked-2023.html", "stacked-2023.chromium.pdf", "stacked-2023.chromium.layout.txt", "stacked-2023.flat.txt",
        "damaged-2022.txt", "damaged-2022.lo.pdf", "damaged-2022.chromium.pdf", "damaged-2022.lo.layout.txt", "damaged-2022.chromium.layout.txt",
        "damaged-2022.flat.txt",
        "kangxi-2024.html", "kangxi-2024.lo.pdf", "kangxi-2024.chromium.pdf", "kangxi-2024.lo.layout.txt", "kangxi-2024.chromium.layout.txt",
        "kangxi-2024.flat.txt",
        "combinedf-2023.docx", "combinedf-2023.lo.pdf", "combinedf-2023.chromium.pdf", "combinedf-2023.lo.layout.txt",
        "combinedf-2023.chromium.layout.txt",
    ]

    /// The pre-2019 report: written as `format: legacy`, its tables kept as Markdown tables.
    static let legacy = [
        "legacy-2015.docx", "legacy-2015.lo.pdf", "legacy-2015.chromium.pdf", "legacy-2015.lo.layout.txt", "legacy-2015.chromium.layout.txt",
    ]

    /// A page saved from a website and printed: its sidebar stands beside the title, so the
    /// township and year come from the command line.
    static let needsDetails: Set<String> = ["donghu-2023.chromium.pdf", "donghu-2023.chromium.layout.txt", "donghu-2023.chromium.raw.txt"]

    static func arguments(_ file: String) -> [String] {
        var arguments = ["import", "--dry-run", folder.appendingPathComponent(file).path, "--published", "2025-01-20", "--index-number", "TEST/1"]
        if needsDetails.contains(file), let expected = corpus.sources[corpus.files[file]!] {
            arguments += ["--township", expected.township, "--year", String(expected.year)]
        }
        return arguments
    }

    static func portal() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.write(String(contentsOf: ImportCommandTests.fixtures.appendingPathComponent("portal.yml"), encoding: .utf8), to: "Content/portal.yml")
        return workspace
    }

    /// The tables of a printed content file (`--dry-run`).
    static func tables(inPrinted text: String) throws -> [String: [String: [String?]]] {
        let workspace = try Workspace()
        let file = try workspace.write(text.components(separatedBy: "\n---\n")[0] + "\n---\n", to: "printed.md")
        return try ImportCommandTests.writtenTables(file).tables
    }

    @Test(arguments: exact)
    func readsEveryFigureExactly(file: String) throws {
        let expected = try #require(Self.corpus.sources[Self.corpus.files[file] ?? ""], "\(file) is in expected.json")
        let workspace = try Self.portal()
        let outcome = try PortalGen.run(Self.arguments(file), in: workspace.url)
        #expect(outcome.status == 0, "\(file): \(outcome.stderr)")
        ImportCommandTests.expectCells(try Self.tables(inPrinted: outcome.stdout), as: expected, file)
        #expect(outcome.stdout.contains("township: \(expected.township)\n") && outcome.stdout.contains("year: \(expected.year)\n"))
    }

    /// Every other file of the corpus is refused, with a line (and for text a column) pointing at
    /// a row, and nothing is written; none is left untested.
    @Test func everyOtherFileIsRefusedAndNamesWhere() throws {
        let workspace = try Self.portal()
        let others = Self.corpus.files.keys.filter { !Self.exact.contains($0) && !$0.hasPrefix("legacy-") }.sorted()
        #expect(others.count + Self.exact.count + Self.legacy.count + 3 == Self.corpus.files.count, "every file is tested")
        for file in others {
            let outcome = try PortalGen.run(Self.arguments(file), in: workspace.url)
            #expect(outcome.status == 1, "\(file) is refused")
            #expect(!outcome.stdout.contains("\nt3:"), "\(file): nothing is printed as imported")
            #expect(outcome.stderr.shows(.importNothingWritten) || outcome.stderr.contains("错误"), "\(file): \(outcome.stderr.prefix(300))")
        }
    }

    @Test(arguments: legacy)
    func aPre2019ReportKeepsItsTablesAsPublished(file: String) throws {
        let workspace = try Self.portal()
        let outcome = try PortalGen.run(
            ["import", "--dry-run", Self.folder.appendingPathComponent(file).path, "--published", "2016-01-20", "--index-number", "TEST/1"], in: workspace.url)
        #expect(outcome.status == 0, "\(file): \(outcome.stderr)")
        #expect(outcome.stdout.contains("\nformat: legacy"))
        #expect(!outcome.stdout.contains("\nt3:"))
        for row in [["机构职能", "8"], ["合计", "67"], ["申请总数", "已答复", "同意公开", "部分公开", "不予公开", "信息不存在"], ["5", "5", "3", "1", "0", "1"]] {
            #expect(outcome.stdout.contains("| " + row.joined(separator: " | ") + " |"), "\(file): the row \(row) is a table row")
        }
        #expect(outcome.stdout.contains("## 六、"))
    }

    @Test func aScanIsRefusedAsNeedingOCR() throws {
        let workspace = try Self.portal()
        let outcome = try PortalGen.run(Self.arguments("scanned-2021.scan.pdf"), in: workspace.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.shows(.error, .importPDFNoText, at: Self.folder.appendingPathComponent("scanned-2021.scan.pdf").path, line: 1))
    }

    /// Plain `pdftotext` lists a table column by column: one message says so and what to import instead.
    @Test func plainPdftotextTextIsRefusedForItsReadingOrder() throws {
        let workspace = try Self.portal()
        let raw = Self.corpus.files.keys.filter {
            $0.hasSuffix(".raw.txt") && !$0.hasPrefix("legacy") && !$0.hasPrefix("scanned") && !$0.hasPrefix("onefigure")
        }
        #expect(raw.count >= 12)
        let said = Message.importLayoutReadingOrder(lines: 0).text(.chinese).components(separatedBy: " 行数字")[1]
        for file in raw.sorted() {
            let outcome = try PortalGen.run(Self.arguments(file), in: workspace.url)
            #expect(outcome.status == 1, "\(file)")
            #expect(outcome.stderr.contains(said), "\(file): \(outcome.stderr.prefix(400))")
        }
    }

    @Test func textTakenFromAScanSaysThereIsNoText() throws {
        let workspace = try Self.portal()
        for file in ["scanned-2021.scan.layout.txt", "scanned-2021.scan.raw.txt"] {
            let outcome = try PortalGen.run(Self.arguments(file), in: workspace.url)
            #expect(outcome.status == 1)
            #expect(outcome.stderr.shows(.error, .importTextEmpty, at: Self.folder.appendingPathComponent(file).path, line: 1), "\(outcome.stderr)")
        }
    }

    @Test func aPrintedWebPageAsksForTheTownshipAndYearItsSidebarHides() throws {
        let file = "donghu-2023.chromium.pdf"
        let workspace = try Self.portal()
        let outcome = try PortalGen.run(
            ["import", "--dry-run", Self.folder.appendingPathComponent(file).path, "--published", "2025-01-20", "--index-number", "TEST/1"],
            in: workspace.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("--township") && outcome.stderr.contains("--year"), "\(outcome.stderr)")
    }

    @Test func yuanInAColumnOfTenThousandYuanIsNeverConverted() throws {
        let workspace = try Self.portal()
        let file = "onefigure-2024.md"
        let refused = try PortalGen.run(Self.arguments(file), in: workspace.url)
        #expect(refused.status == 1)
        let source = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
        let line = try #require(source.firstIndex { $0.contains("251000") }) + 1
        #expect(refused.stderr.contains("\(file):\(line):"), "the refusal names the row's line")
        #expect(refused.stderr.contains("251000元") && refused.stderr.contains("万元"))

        // --partial writes every other figure and leaves that cell blank.
        let partial = try PortalGen.run(Self.arguments(file) + ["--partial"], in: workspace.url)
        #expect(partial.status == 0, "\(partial.stderr)")
        let written = try Self.tables(inPrinted: partial.stdout)
        let expected = try #require(Self.corpus.sources["onefigure-2024"])
        for (table, rows) in expected.tables {
            for (row, cells) in rows { #expect(written[table]?[row] == cells, "\(table).\(row)") }
        }
        #expect(written["t2"]?["fees"] == [nil])
    }

    @Test func importWritesTheFileFromAPDF() throws {
        let workspace = try Self.portal()
        let outcome = try PortalGen.run(
            ["import", Self.folder.appendingPathComponent("wrapped-2024.lo.pdf").path, "--published", "2025-01-20", "--index-number", "TEST/1"],
            in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let expected = try #require(Self.corpus.sources["wrapped-2024"])
        let written = try FileManager.default.contentsOfDirectory(atPath: workspace.url.appendingPathComponent("Content/reports/\(expected.year)").path)
        #expect(written.count == 1)
        let build = try workspace.build()
        #expect(build.status == 0, "\(build.stderr)")
    }
}
