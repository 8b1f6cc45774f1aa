import Foundation
import Testing

@testable import PortalKit

/// `attachments:` in the front matter: its two forms, the name each file gets in the output, and
/// every problem the text alone shows, at its line.
@Suite struct AttachmentTests {
    /// Parses a report whose front matter has `lines` (from line 7) and returns its attachments and problems.
    func parse(_ lines: String) -> ([AttachmentEntry], [Diagnostic]) {
        let (report, diagnostics) = parseReport(reportText(extra: lines), path: "Content/r.md")
        return (report?.attachments ?? [], diagnostics)
    }

    @Test func aFileNameOrAGroupWithTitle() throws {
        let (entries, diagnostics) = parse(
            "attachments:\n  - 城关镇2024年报.pdf\n  - file: ./附件/盖章原件.PDF\n    title: 盖章原件（扫描件）\n  - Report_2024.docx\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        try #require(entries.count == 3)
        #expect(entries[0].path == "城关镇2024年报.pdf" && entries[0].title == nil && entries[0].shownTitle == "城关镇2024年报")
        #expect(entries[0].line == 8 && entries[0].column == 5)
        #expect(entries[0].outputName == "chengguanzhen2024nianbao.pdf")
        #expect(entries[1].path == "附件/盖章原件.PDF" && entries[1].shownTitle == "盖章原件（扫描件）" && entries[1].fileName == "盖章原件.PDF")
        #expect(entries[1].line == 9 && entries[1].column == 11)
        #expect(entries[1].outputName == "gaizhangyuanjian.pdf", "the extension in lowercase")
        #expect(entries[2].outputName == "report-2024.docx", "an ASCII name is kept, in lowercase")
    }

    @Test func twoFilesWhoseNamesMakeTheSameOutputNameBothGetOne() throws {
        let (entries, diagnostics) = parse("attachments:\n  - 年报.pdf\n  - 附件/年报.pdf\n  - 年报.docx\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(entries.map(\.outputName) == ["nianbao.pdf", "nianbao-2.pdf", "nianbao.docx"])
    }

    @Test func aNameWithoutLettersOrDigitsStillGetsAName() {
        #expect(AttachmentEntry.outputName(for: "（）.pdf", format: AttachmentFormat.of(fileName: "a.pdf")!, taken: []) == "fujian.pdf")
    }

    /// Every problem the text shows, each at the line (and column) of its item.
    @Test func everyProblemOfTheListIsAnErrorAtItsLine() {
        let cases: [(String, Message, Int, Int)] = [
            ("attachments: 年报.pdf\n", .notAList(key: "attachments", label: "附件"), 7, 14),
            ("attachments:\n  - [a.pdf, b.pdf]\n", .attachmentItemInvalid, 8, 5),
            ("attachments:\n  - file: a.pdf\n    name: 原件\n", .unknownKey(key: "name", part: .attachment, suggestion: nil, known: ["file", "title"]), 9, 5),
            ("attachments:\n  - title: 原件\n", .keyMissing(key: "file", label: "附件文件"), 8, 5),
            ("attachments:\n  - /home/user/年报.pdf\n", .attachmentPathRefused(path: "/home/user/年报.pdf", problem: .absolute), 8, 5),
            ("attachments:\n  - \"C:\\\\年报\\\\a.pdf\"\n", .attachmentPathRefused(path: "C:\\年报\\a.pdf", problem: .absolute), 8, 5),
            ("attachments:\n  - ../../secret.pdf\n", .attachmentPathRefused(path: "../../secret.pdf", problem: .parent), 8, 5),
            ("attachments:\n  - 附件/../../a.pdf\n", .attachmentPathRefused(path: "附件/../../a.pdf", problem: .parent), 8, 5),
            ("attachments:\n  - \"附件\\\\a.pdf\"\n", .attachmentPathRefused(path: "附件\\a.pdf", problem: .backslash), 8, 5),
            ("attachments:\n  - .git/config.txt\n", .attachmentPathRefused(path: ".git/config.txt", problem: .hidden), 8, 5),
            ("attachments:\n  - https://www.example.gov.cn/a.pdf\n", .attachmentPathRefused(path: "https://www.example.gov.cn/a.pdf", problem: .address), 8, 5),
            (
                "attachments:\n  - 年报.exe\n",
                .attachmentTypeUnsupported(path: "年报.exe", extension: "exe", allowed: AttachmentFormat.extensions), 8, 5
            ),
            ("attachments:\n  - 年报\n", .attachmentTypeUnsupported(path: "年报", extension: "", allowed: AttachmentFormat.extensions), 8, 5),
            ("attachments:\n  - a.pdf\n  - ./a.pdf\n", .attachmentListedTwice(path: "./a.pdf", firstLine: 8), 9, 5),
        ]
        for (lines, message, line, column) in cases {
            let (_, diagnostics) = parse(lines)
            #expect(
                diagnostics.contains { $0.severity == .error && $0.message == message && $0.location?.line == line && $0.location?.column == column },
                "\(lines): \(diagnostics.map { $0.rendered(.chinese) })")
            #expect(diagnostics.allSatisfy { $0.location?.file == "Content/r.md" })
        }
    }

    @Test func theMessagesSayHowToFixInChinese() {
        let text = Message.attachmentPathRefused(path: "../a.pdf", problem: .parent).text(.chinese)
        #expect(text.contains("`../a.pdf`") && text.contains("报告文件所在的文件夹"))
        #expect(Message.attachmentTooLarge(path: "a.pdf", megabytes: 51, limit: 50).text(.chinese).contains("50 MB"))
    }

    @Test func sizesAreShownIn1024BasedUnits() {
        #expect(AttachmentFormat.sizeText(1) == "1KB", "never 0KB")
        #expect(AttachmentFormat.sizeText(1024) == "1KB")
        #expect(AttachmentFormat.sizeText(1025) == "2KB", "kilobytes are rounded up")
        #expect(AttachmentFormat.sizeText(356 * 1024) == "356KB")
        #expect(AttachmentFormat.sizeText(1024 * 1024 - 1) == "1.0MB", "1024KB is shown as 1.0MB")
        #expect(AttachmentFormat.sizeText(1_258_291) == "1.2MB")
        #expect(AttachmentFormat.sizeText(1_310_720) == "1.3MB", "1.25MB rounds half up")
        #expect(AttachmentFormat.sizeText(50 * 1024 * 1024) == "50.0MB")
    }

    @Test func aFileMustStartAsItsFormatDoes() {
        let pdf = AttachmentFormat.of(fileName: "a.PDF")!
        #expect(pdf.label == "PDF" && pdf.mimeType == "application/pdf")
        #expect(pdf.matches(head: Array("%PDF-1.7\n".utf8)))
        #expect(pdf.matches(head: [0xEF, 0xBB, 0xBF] + Array("%PDF-1.4".utf8)), "PDF allows bytes before its header")
        #expect(!pdf.matches(head: [0x50, 0x4B, 0x03, 0x04]))
        #expect(AttachmentFormat.of(fileName: "a.docx")!.matches(head: [0x50, 0x4B, 0x03, 0x04, 0x14]))
        #expect(!AttachmentFormat.of(fileName: "a.docx")!.matches(head: Array("%PDF-1.7".utf8)))
        #expect(AttachmentFormat.of(fileName: "a.txt")!.matches(head: Array("任何文字".utf8)))
        #expect(AttachmentFormat.of(fileName: "a.html") == nil && AttachmentFormat.of(fileName: "a.exe") == nil && AttachmentFormat.of(fileName: ".pdf") == nil)
        #expect(AttachmentCheck.kind(of: [0x50, 0x4B, 0x03, 0x04]) == "docx/xlsx/ofd/zip")
    }

    /// The digest `data.json` gives is the standard one, in the hex `sha256sum` prints, fed whole and in pieces.
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256Digest.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256Digest.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var hash = SHA256Digest()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 997)
        var left = 1_000_000
        while left > 0 {
            let count = min(left, piece.count)
            hash.update(Array(piece[0..<count]))
            left -= count
        }
        #expect(hash.hexDigest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func theImportedOriginalIsListedBeforeTheFormat() throws {
        let text = reportText()
        let with = ContentFileWriter.addingAttachment(to: text, file: "huazhuang/花庄镇年报.pdf", title: "花庄镇年报")
        let (report, diagnostics) = parseReport(with)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(report?.attachments.map(\.path) == ["huazhuang/花庄镇年报.pdf"])
        #expect(with.contains("attachments:   # 附件：原件，放在本文件旁边，随报告发布\n  - file: huazhuang/花庄镇年报.pdf\n    title: 花庄镇年报\nformat: 2021\n"))
    }
}
