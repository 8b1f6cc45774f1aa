import Foundation
import PortalKit
import Testing

/// `portal-gen import` of Word 97–2003 (.doc), WPS (.wps) and RTF files, converted by the real
/// LibreOffice (`soffice`, installed by scripts/dependencies.sh: these tests never skip), and the
/// summary printed for several files.
@Suite struct WordImportTests {
    static let word = ImportCommandTests.fixtures.appendingPathComponent("word")

    /// Copies a fixture into the workspace under `name` (a Chinese name, in a folder, as delivered).
    static func deliver(_ fixture: URL, as name: String, in workspace: Workspace) throws {
        let target = workspace.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: target)
    }

    /// A `soffice` that behaves as `script` says, alone on PATH with the shell's tools.
    static func fakeLibreOffice(_ script: String, in workspace: Workspace) throws -> [String: String] {
        let program = try workspace.write("#!/bin/sh\n" + script + "\n", to: "bin/soffice")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        return ["PATH": workspace.url.appendingPathComponent("bin").path + ":/bin"]
    }

    /// The .doc and .rtf made from chengguan-2024.docx by LibreOffice (word/make.sh), and the .doc
    /// saved as .wps (WPS writes its .wps files in the Word 97–2003 format), import with exactly
    /// the figures of the .docx, and build.
    @Test(arguments: ["chengguan-2024.doc", "chengguan-2024.rtf", "chengguan-2024.wps"])
    func wordFilesImportWithTheFiguresOfTheDocx(file: String) throws {
        let expected = try #require(try ImportCommandTests.expected()["chengguan-2024.docx"])
        let workspace = try ImportCommandTests.portal()
        let fixture = Self.word.appendingPathComponent(file.hasSuffix(".wps") ? "chengguan-2024.doc" : file)
        let delivered = "乡镇报送/城关镇2024年报." + (file as NSString).pathExtension
        try Self.deliver(fixture, as: delivered, in: workspace)
        let outcome = try PortalGen.run(
            ["import", delivered, "--published", "2025-01-20", "--index-number", "TEST/1"], in: workspace.url)
        #expect(outcome.status == 0, "LibreOffice (soffice) must be installed: bash scripts/dependencies.sh does it. \(outcome.stderr)")
        let path = "Content/reports/2024/chengguan.md"
        #expect(outcome.stdout.shows(.importWrote(path: path)))
        let written = try ImportCommandTests.writtenTables(workspace.url.appendingPathComponent(path))
        #expect(written.format == expected.format)
        ImportCommandTests.expectCells(written.tables, as: expected, file)
        let text = try String(contentsOf: workspace.url.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("## 一、") && text.contains("## 六、"), "the narrative keeps its section headings")
        let build = try workspace.build()
        #expect(build.status == 0, "\(build.stderr)")
        #expect(
            !FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("乡镇报送/.~lock.城关镇2024年报.doc#").path),
            "nothing is left beside the delivered file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.url.appendingPathComponent("乡镇报送").path).count == 1)
    }

    @Test func withoutLibreOfficeTheMessageSaysWhatToInstallAndHowToSaveAsDocx() throws {
        let workspace = try ImportCommandTests.portal()
        try Self.deliver(Self.word.appendingPathComponent("chengguan-2024.doc"), as: "乡镇报送/城关镇2024年报.doc", in: workspace)
        // A PATH without soffice (the executable is run by its full path).
        let outcome = try PortalGen.run(
            ["import", "乡镇报送/城关镇2024年报.doc", "--published", "2025-01-20", "--index-number", "TEST/1"], in: workspace.url,
            environment: ["PATH": "/nonexistent"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.shows(.error, .wordConverterMissing(kind: "doc"), at: "乡镇报送/城关镇2024年报.doc", line: 1), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("apt-get install libreoffice-writer-nogui"), "the package to install is named")
        #expect(outcome.stderr.contains("另存为") && outcome.stderr.contains("*.docx"), "and how to save the file as .docx instead")
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Content/reports").path))

        let english = try PortalGen.run(["import", "乡镇报送/城关镇2024年报.doc", "--lang", "en"], in: workspace.url, environment: ["PATH": "/nonexistent"])
        #expect(english.stderr.shows(.wordConverterMissing(kind: "doc"), in: .english))
    }

    @Test func aFailedConversionSaysWhyAndNamesTheFile() throws {
        let workspace = try ImportCommandTests.portal()
        try workspace.write("{\\rtf1 not really}", to: "乡镇报送/东湖镇.rtf")
        let arguments = ["import", "乡镇报送/东湖镇.rtf", "--published", "2025-01-20", "--index-number", "TEST/1"]

        // LibreOffice ends with an error.
        let failing = try Self.fakeLibreOffice("echo 'Application error: cannot load' >&2; exit 3", in: workspace)
        let failed = try PortalGen.run(arguments, in: workspace.url, environment: failing)
        #expect(failed.status == 1)
        #expect(
            failed.stderr.shows(
                .error, .wordConversionFailed(kind: "rtf", failure: .said("Application error: cannot load", status: 3)), at: "乡镇报送/东湖镇.rtf", line: 1),
            "\(failed.stderr)")

        // LibreOffice ends with status 0 after printing that it could not load the file (as it does).
        let silent = try Self.fakeLibreOffice("echo 'Error: source file could not be loaded' >&2; exit 0", in: workspace)
        let unconverted = try PortalGen.run(arguments, in: workspace.url, environment: silent)
        #expect(unconverted.status == 1)
        #expect(
            unconverted.stderr.shows(
                .error, .wordConversionFailed(kind: "rtf", failure: .noOutput(said: "Error: source file could not be loaded")), at: "乡镇报送/东湖镇.rtf",
                line: 1), "\(unconverted.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.url.appendingPathComponent("乡镇报送").path) == ["东湖镇.rtf"])
    }

    /// Several files: each file's diagnostics in full, then one line per file and the totals.
    @Test func severalFilesEndWithOneLinePerFileAndTheTotals() throws {
        let workspace = try ImportCommandTests.portal()
        let fixtures = ImportCommandTests.fixtures
        // The text files state their own 索引号 and 发布日期 under the title (one --index-number
        // for several files would give each the same one); the .doc states neither.
        for (fixture, name, number) in [
            ("huazhuang-2024.txt", "花庄镇2024年报.txt", "11419999MB0000009A/2025-00001"),
            ("chengguan-2022-ambiguous.txt", "城关镇2022年报.txt", "11419999MB0000001A/2023-00001"),
        ] {
            var lines = try String(contentsOf: fixtures.appendingPathComponent(fixture), encoding: .utf8).components(separatedBy: "\n")
            let title = try #require(lines.firstIndex { $0.contains("年度报告") })
            lines.insert(contentsOf: ["索引号：\(number)", "发布日期：2025年1月20日"], at: title + 1)
            try workspace.write(lines.joined(separator: "\n"), to: "乡镇报送/" + name)
        }
        try Self.deliver(Self.word.appendingPathComponent("chengguan-2024.doc"), as: "乡镇报送/城关镇2024年报.doc", in: workspace)
        try workspace.write("这不是年度报告\n", to: "乡镇报送/说明.txt")
        try workspace.write("ignored", to: "乡镇报送/名单.xls")
        let outcome = try PortalGen.run(["import", "乡镇报送", "--partial"], in: workspace.url)
        #expect(outcome.status == 1, "two files are not imported")

        // --partial lists every row it left blank, with its line and its cells.
        let source = try String(contentsOf: workspace.url.appendingPathComponent("乡镇报送/城关镇2022年报.txt"), encoding: .utf8).components(separatedBy: "\n")
        let blanks = outcome.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("乡镇报送/城关镇2022年报.txt:") && $0.contains("警告") }
        #expect(blanks.count == 3, "\(outcome.stderr)")
        for line in blanks {
            let number = try #require(Int(line.split(separator: ":")[1]))
            #expect(source[number - 1].contains("\t"), "the line named is the row in the file")
            #expect(line.hasSuffix(Message.importLeftBlank(issue: .importNothingWritten, cells: 7).text(.chinese).components(separatedBy: "（已留空")[1]))
        }

        let lines = outcome.stdout.components(separatedBy: "\n").filter { !$0.isEmpty }
        let summary = Array(lines.suffix(5))
        #expect(summary[0] == Message.importSummaryPartial(file: "乡镇报送/城关镇2022年报.txt", path: "Content/reports/2022/chengguan.md", cells: 21).text(.chinese))
        #expect(summary[1].hasPrefix("未导入：乡镇报送/城关镇2024年报.doc："), "\(summary[1])")
        #expect(summary[1].shows { .importDetailsMissing(details: [.published, .indexNumber], command: $0) }, "with its first reason")
        #expect(summary[2] == Message.importSummaryImported(file: "乡镇报送/花庄镇2024年报.txt", path: "Content/reports/2024/huazhuang.md").text(.chinese))
        #expect(summary[3].hasPrefix("未导入：乡镇报送/说明.txt："), "\(summary[3])")
        #expect(summary[3].shows { .importDetailsMissing(details: [.township, .year, .published, .indexNumber], command: $0) })
        #expect(
            summary[4] == Message.importSummaryTotal(files: 4, imported: 1, partial: 1, cells: 21, refused: 2, withErrors: 0, dryRun: false).text(.chinese))
        #expect(summary[4] == "共 4 个文件：导入 1 个，部分导入 1 个（留空 21 格），未导入 2 个")
        let written = try ImportCommandTests.writtenTables(workspace.url.appendingPathComponent("Content/reports/2022/chengguan.md"))
        let blankCells = written.tables.values.flatMap(\.values).joined().filter { $0 == nil }.count
        #expect(blankCells == 21, "the 21 cells counted are the cells written as ~ (this report leaves no other cell blank)")
    }
}
