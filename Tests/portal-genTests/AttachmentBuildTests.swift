import Foundation
import Testing

@testable import PortalKit

/// Attachments end to end, through the real executable: the example report's signed original is
/// copied, linked with its size and listed with its digest; every problem with a file is an error
/// at its line in `check` and `build`; edits, removals and untouched rebuilds are incremental;
/// `import --attach` keeps the original.
@Suite struct AttachmentBuildTests {
    static let examplePage = "2024/chengguan/index.html"
    static let exampleCopy = "2024/chengguan/chengguanzhen2024nianbao.pdf"
    static let exampleSource = "Content/reports/2024/城关镇2024年报.pdf"

    func text(_ workspace: Workspace, _ path: String) throws -> String {
        try String(contentsOf: workspace.url.appendingPathComponent(path), encoding: .utf8)
    }

    func data(_ workspace: Workspace, _ path: String) throws -> Data {
        try Data(contentsOf: workspace.url.appendingPathComponent(path))
    }

    /// The `attachments` of a report's `data.json` (absent when it has none).
    func listed(_ workspace: Workspace, _ path: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: data(workspace, path)) as? [String: Any])
        guard let items = object["attachments"] else { return [] }
        return try #require(items as? [[String: Any]])
    }

    func build(_ workspace: Workspace) throws -> PortalGen.Outcome {
        let outcome = try PortalGen.run(["build", "--output", "Output"], in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome
    }

    @Test func theExampleReportOffersItsSignedOriginal() throws {
        let workspace = try IncrementalBuildTests.examplePortal()
        _ = try build(workspace)
        let original = try data(workspace, Self.exampleSource)
        #expect(try data(workspace, "Output/" + Self.exampleCopy) == original, "copied byte for byte")
        let page = try text(workspace, "Output/" + Self.examplePage)
        let size = (original.count + 1023) / 1024
        #expect(
            page.contains(
                "<li><span class=\"attachment-title\">年度报告原件（PDF版）</span> <a href=\"chengguanzhen2024nianbao.pdf\" type=\"application/pdf\" download=\"城关镇2024年报.pdf\">下载PDF（\(size)KB）</a></li>"
            ), "\(page)")
        #expect(page.contains("<h2 id=\"report-attachments-heading\">附件下载</h2>"))
        #expect(page.range(of: "附件下载")!.lowerBound < page.range(of: "本报告统计数据")!.lowerBound, "above the data download")
        let items = try listed(workspace, "Output/2024/chengguan/data.json")
        try #require(items.count == 1)
        #expect(items[0]["file"] as? String == "城关镇2024年报.pdf")
        #expect(items[0]["format"] as? String == "pdf")
        #expect(items[0]["mime_type"] as? String == "application/pdf")
        #expect(items[0]["size"] as? Int == original.count)
        #expect(items[0]["sha256"] as? String == SHA256Digest.hex(of: Array(original)))
        #expect((items[0]["url"] as? String)?.hasSuffix("/" + Self.exampleCopy) == true)
        #expect(try listed(workspace, "Output/2024/donghu/data.json").isEmpty, "a report without attachments lists none")
        #expect(!(try text(workspace, "Output/2024/donghu/index.html")).contains("附件下载"))
        #expect(!(try text(workspace, "Output/data/reports.json")).contains("\"attachments\""), "the summary file has no attachments")
    }

    @Test func editingRemovingAndLeavingAnAttachmentAreIncremental() throws {
        let workspace = try IncrementalBuildTests.examplePortal()
        let output = workspace.url.appendingPathComponent("Output")
        _ = try build(workspace)

        // Untouched: nothing is written.
        var before = IncrementalBuildTests.modificationTimes(output)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try build(workspace).stdout.saysNothingChanged)
        #expect(IncrementalBuildTests.modificationTimes(output) == before)

        // The attachment's bytes edited: copied again, its size on the page and its digest updated.
        let source = workspace.url.appendingPathComponent(Self.exampleSource)
        var bytes = try Data(contentsOf: source)
        bytes.append(Data(repeating: 0x25, count: 3000))
        try bytes.write(to: source)
        let edited = try build(workspace)
        #expect(!edited.stdout.saysNothingChanged)
        var after = IncrementalBuildTests.modificationTimes(output)
        #expect(try data(workspace, "Output/" + Self.exampleCopy) == bytes)
        #expect(try text(workspace, "Output/" + Self.examplePage).contains("下载PDF（\((bytes.count + 1023) / 1024)KB）"))
        #expect(try listed(workspace, "Output/2024/chengguan/data.json").first?["sha256"] as? String == SHA256Digest.hex(of: Array(bytes)))
        #expect(after["2024/donghu/index.html"] == before["2024/donghu/index.html"], "other reports' pages are kept")
        try IncrementalBuildTests().expectSameAsClean(workspace, "attachment edited")

        // Left alone again: nothing is written, the copy is not read.
        before = IncrementalBuildTests.modificationTimes(output)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try build(workspace).stdout.saysNothingChanged)

        // The same bytes written again (a new stamp): the copy and the page are kept.
        try bytes.write(to: source)
        Thread.sleep(forTimeInterval: 1.1)
        _ = try build(workspace)
        after = IncrementalBuildTests.modificationTimes(output)
        #expect(after[Self.exampleCopy] == before[Self.exampleCopy])
        #expect(after[Self.examplePage] == before[Self.examplePage])

        // Removed from the front matter: the copy leaves the output with it.
        let report = workspace.url.appendingPathComponent("Content/reports/2024/chengguan.md")
        let withoutList = try String(contentsOf: report, encoding: .utf8).replacingOccurrences(
            of: "attachments:   # 附件：放在本文件旁边、随报告发布的文件\n  - file: 城关镇2024年报.pdf\n    title: 年度报告原件（PDF版）\n", with: "")
        try Data(withoutList.utf8).write(to: report)
        _ = try build(workspace)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(Self.exampleCopy).path))
        #expect(!(try text(workspace, "Output/" + Self.examplePage)).contains("附件下载"))
        #expect(try listed(workspace, "Output/2024/chengguan/data.json").isEmpty)
        try IncrementalBuildTests().expectSameAsClean(workspace, "attachment removed")
    }

    /// Every problem with an attachment's file is an error at its item's line, from `check` and
    /// `build` alike; nothing outside the content folder is ever reached.
    @Test func everyProblemWithAFileIsAnErrorAtItsLine() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        try workspace.write("%PDF-1.4 机密\n", to: "outside.pdf")
        try workspace.write("%PDF-1.4\n", to: "Content/folder/real.pdf")
        try workspace.write("PK\u{3}\u{4}这其实是一个Word文件", to: "Content/renamed.pdf")
        try workspace.write("", to: "Content/empty.pdf")
        try FileManager.default.createDirectory(at: workspace.url.appendingPathComponent("Content/a-folder.pdf"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: workspace.url.appendingPathComponent("Content/link.pdf").path, withDestinationPath: workspace.url.appendingPathComponent("outside.pdf").path
        )
        try FileManager.default.createSymbolicLink(
            atPath: workspace.url.appendingPathComponent("Content/linked").path,
            withDestinationPath: workspace.url.appendingPathComponent("Content/folder").path)
        // A sparse file: over the limit without writing 50 MB.
        let large = try workspace.write("%PDF-1.4\n", to: "Content/large.pdf")
        let handle = try FileHandle(forWritingTo: large)
        try handle.truncate(atOffset: UInt64(AttachmentFormat.maximumSize) + 1)
        try handle.close()
        let items = [
            "missing.pdf", "nofolder/a.pdf", "link.pdf", "linked/real.pdf", "a-folder.pdf", "empty.pdf", "renamed.pdf", "large.pdf", "folder/real.pdf",
        ]
        try workspace.write(reportText(extra: "attachments:\n" + items.map { "  - \($0)\n" }.joined()), to: "Content/r.md")
        // A path out of the folder is refused from its text alone, before any file is looked at.
        try workspace.write(reportText(township: "东城镇", extra: "attachments:\n  - ../outside.pdf\n"), to: "Content/escape.md")
        let expected: [(Message, Int)] = [
            (.attachmentMissing(path: "missing.pdf", missing: "missing.pdf", isFolder: false), 8),
            (.attachmentMissing(path: "nofolder/a.pdf", missing: "nofolder", isFolder: true), 9),
            (.attachmentThroughLink(path: "link.pdf", link: "link.pdf"), 10),
            (.attachmentThroughLink(path: "linked/real.pdf", link: "linked"), 11),
            (.attachmentNotAFile(path: "a-folder.pdf"), 12),
            (.attachmentEmpty(path: "empty.pdf"), 13),
            (.attachmentContentMismatch(path: "renamed.pdf", format: "PDF", found: "docx/xlsx/ofd/zip"), 14),
            (.attachmentTooLarge(path: "large.pdf", megabytes: 51, limit: 50), 15),
        ]
        let check = try PortalGen.run(["check", "--content", "Content"], in: workspace.url)
        let build = try workspace.build()
        for outcome in [check, build] {
            #expect(outcome.status == 1, "\(outcome.stderr)")
            // `check` lists its findings on standard output, `build` on standard error.
            let shown = outcome.stdout + outcome.stderr
            for (message, line) in expected {
                #expect(shown.shows(.error, message, at: "Content/r.md", line: line, column: 5), "\(message): \(shown)")
            }
            #expect(!shown.contains("Content/r.md:16:"), "the good file has no error")
            #expect(shown.shows(.error, .attachmentPathRefused(path: "../outside.pdf", problem: .parent), at: "Content/escape.md", line: 8, column: 5))
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Output/2024/huazhuang").path))
    }

    /// A path escaping the content folder through a link is never followed, and nothing of it is published.
    @Test func aLinkOutOfTheContentFolderIsRefusedAndNothingIsCopied() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        try workspace.write("%PDF-1.4 机密\n", to: "secret/机密.pdf")
        try FileManager.default.createSymbolicLink(
            atPath: workspace.url.appendingPathComponent("Content/附件").path, withDestinationPath: workspace.url.appendingPathComponent("secret").path)
        try workspace.write(reportText(extra: "attachments:\n  - 附件/机密.pdf\n"), to: "Content/r.md")
        let outcome = try workspace.build()
        #expect(outcome.status == 1)
        #expect(outcome.stderr.shows(.error, .attachmentThroughLink(path: "附件/机密.pdf", link: "附件"), at: "Content/r.md", line: 8, column: 5))
        let published = snapshot(workspace.url.appendingPathComponent("Output"))
        #expect(!published.values.contains { String(decoding: $0, as: UTF8.self).contains("机密") })
    }

    @Test(arguments: ["chengguan-2024.lo.pdf", "chengguan-2024.docx"])
    func importWithAttachKeepsTheOriginal(file: String) throws {
        let workspace = try PDFImportTests.portal()
        let source = file.hasSuffix(".pdf") ? PDFImportTests.folder.appendingPathComponent(file) : ImportCommandTests.fixtures.appendingPathComponent(file)
        let outcome = try PortalGen.run(["import", source.path, "--published", "2025-01-20", "--index-number", "TEST/1", "--attach"], in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let kept = "Content/reports/2024/chengguan/" + file
        #expect(outcome.stdout.shows(.importAttached(path: kept)), "\(outcome.stdout)")
        #expect(try data(workspace, kept) == Data(contentsOf: source))
        let report = try text(workspace, "Content/reports/2024/chengguan.md")
        let title = String(file.prefix { $0 != "." }) + (file.hasSuffix(".pdf") ? ".lo" : "")
        #expect(report.contains("attachments:   # 附件：原件，放在本文件旁边，随报告发布\n  - file: chengguan/\(file)\n    title: \(title)\n"), "\(report)")
        let build = try workspace.build()
        #expect(build.status == 0, "\(build.stderr)")
        let page = try text(workspace, "Output/2024/chengguan/index.html")
        #expect(page.contains("download=\"\(file)\">下载\(file.hasSuffix(".pdf") ? "PDF" : "Word")（"), "\(page)")
    }

    @Test func importWithoutAttachOffersItAndAttachIgnoresTextFiles() throws {
        let workspace = try PDFImportTests.portal()
        let pdf = PDFImportTests.folder.appendingPathComponent("chengguan-2024.lo.pdf")
        let plain = try PortalGen.run(["import", pdf.path, "--published", "2025-01-20", "--index-number", "TEST/1"], in: workspace.url)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stderr.shows(.importAttachHint))
        #expect(!(try text(workspace, "Content/reports/2024/chengguan.md")).contains("attachments:"))
        let txt = ImportCommandTests.fixtures.appendingPathComponent("huazhuang-2024.txt")
        let text = try PortalGen.run(["import", txt.path, "--published", "2025-01-20", "--index-number", "TEST/2", "--attach"], in: workspace.url)
        #expect(text.stderr.shows(.importAttachKindUnsupported(kind: "txt")), "\(text.stderr)")
        #expect(!(try self.text(workspace, "Content/reports/2024/huazhuang.md")).contains("attachments:"))
    }
}
