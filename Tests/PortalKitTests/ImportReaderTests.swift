import Foundation
import Testing
import ZIPFoundation

@testable import PortalKit

@Suite struct ImportReaderTests {
    @Test func cellsAreNormalised() {
        #expect(CellText("０") == .number(Amount("0")!, note: nil))
        #expect(CellText(" 1 2 ") == .number(Amount("12")!, note: nil))
        #expect(CellText("24252.311082") == .number(Amount("24252.311082")!, note: nil))
        #expect(CellText("22（其中修订16件）") == .number(Amount("22")!, note: "22（其中修订16件）"))
        #expect(CellText("") == .blank)
        #expect(CellText("—") == .blank)
        #expect(CellText("（一）予以公开") == .label("(一)予以公开"))
    }

    @Test func plainTextSplitsCellsAndDropsPageFooters() {
        let document = PlainTextReader.read("标题\n\n一、总体情况\na\tb\t\n| c | d |\n|---|---|\n— 5 —\n- 12 -\n第 3 页\n正文")
        var kinds: [String] = []
        for block in document.blocks {
            switch block {
            case .paragraph(let p): kinds.append("p:\(p.text)@\(p.position.line)")
            case .table(let t): kinds.append("t:\(t.rows.map { $0.map { $0 ?? "nil" }.joined(separator: ",") }.joined(separator: "|"))")
            }
        }
        #expect(kinds == ["p:标题@1", "p:一、总体情况@3", "t:a,b,|c,d", "p:正文@10"])
    }

    @Test func runTogetherDigitsAreSplitEveryWay() {
        let splits = TableRecognizer.split("801000081", into: 7)
        #expect(splits.contains([80, 1, 0, 0, 0, 0, 81]))
        #expect(splits.allSatisfy { $0.count == 7 })
        #expect(splits.filter { $0[0..<6].reduce(0, +) == $0[6] } == [[80, 1, 0, 0, 0, 0, 81]])
        #expect(TableRecognizer.split("0012", into: 3) == [[0, 0, 12]], "no part has a leading zero")
    }

    @Test func the2019OtherRowIsRecognisedByItsShortLabelToo() throws {
        var outcome = TableRecognizer.Outcome()
        var rows: [[String?]] = [["一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"]]
        let labels = [
            "二、上年结转", "（一）予以公开", "（二）部分公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
            "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
            "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请",
            "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
        ]
        rows += labels.map { [$0, "0", "0", "0", "0", "0", "0", "0"] }
        rows += [
            ["（六）其他", "1", "0", "0", "0", "0", "0", "1"], ["（七）总计", "1", "0", "0", "0", "0", "0", "1"], ["四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"],
        ]
        let format = TableRecognizer.t3(TableRecognizer.items(rows, rows.indices.map { .init(line: $0 + 1) }), into: &outcome)
        #expect(format == .v2019)
        #expect(outcome.issues.isEmpty, "\(outcome.issues)")
        #expect(outcome.cells[.t3]?["F"] == [Amount(1), Amount(0), Amount(0), Amount(0), Amount(0), Amount(0), Amount(1)])
    }

    @Test func gb18030AndUTF16AreDetected() throws {
        let gbk: [UInt8] = [0xC4, 0xE3, 0xBA, 0xC3, 0x0A]  // 你好 in GBK, which GB18030 contains
        let decoded = try EncodingDetector.decode(Data(gbk), path: "a.txt")
        #expect(decoded.text == "你好\n" && decoded.encoding == "GB18030")
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("你好".data(using: .utf16LittleEndian)!)
        #expect(try EncodingDetector.decode(utf16, path: "a.txt").encoding == "UTF-16")
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data("你好\r\n".utf8)
        #expect(try EncodingDetector.decode(bom, path: "a.txt").text == "你好\n")
    }

    @Test func undecodableBytesAreAnErrorWithTheirOffset() {
        #expect {
            try EncodingDetector.decode(Data([0x41, 0x0A, 0x42, 0xFF, 0xFF, 0xFF]), path: "x.txt")
        } throws: { error in
            let d = (error as! DiagnosticsError).diagnostics[0]
            return d.location == SourceLocation(file: "x.txt", line: 2) && d.message == .textUndecodable(utf8Offset: 3, gbOffset: 3)
        }
    }

    @Test func htmlTablesHonourRowspanAndColspan() throws {
        let html = "<table><tr><td rowspan=\"2\">a</td><td colspan=\"2\">b</td></tr><tr><td>c</td><td></td></tr></table>"
        let tree = try #require(HTMLTree.parse(Data(html.utf8)))
        let table = try #require(tree.elements { $0.name == "table" }.first)
        #expect(HTMLReader.grid(of: table).rows == [["a", "b", nil], [nil, "c", ""]])
    }

    /// portal-gen's own pages repeat each figure's column label in its cell, hidden from assistive
    /// technology: a saved page imports with its figures, not with the labels.
    @Test func htmlTableCellsLeaveOutTextHiddenFromAssistiveTechnology() throws {
        let html = "<table><tr><th>一、本年新收</th><td headers=\"n\">3<span class=\"cell-label\" aria-hidden=\"true\">申请人情况·自然人</span></td></tr></table>"
        let tree = try #require(HTMLTree.parse(Data(html.utf8)))
        let table = try #require(tree.elements { $0.name == "table" }.first)
        #expect(HTMLReader.grid(of: table).rows == [["一、本年新收", "3"]])
    }

    @Test func htmlMetadataToleratesSpacedLabels() throws {
        let html = "<table><tr><td><b>索&nbsp;&nbsp;引&nbsp;号：</b>X/2024-1</td><td><b>文&nbsp;号：</b></td></tr><tr><td>发布日期：2024-02-06</td></tr></table>"
        let tree = try #require(HTMLTree.parse(Data(html.utf8)))
        let metadata = HTMLReader.readMetadata(tree)
        #expect(metadata["索引号"] == "X/2024-1")
        #expect(metadata["发布日期"] == "2024-02-06")
        #expect(metadata["文号"] == nil)
    }

    @Test func importedTextIsEscapedForMarkdownAndYAML() {
        #expect(ContentFileWriter.escape("<script>*x*") == "\\<script\\>\\*x\\*")
        #expect(ContentFileWriter.escape("# 不是标题") == "\\# 不是标题")
        #expect(ContentFileWriter.scalar("示例县城关镇人民政府") == "示例县城关镇人民政府")
        #expect(ContentFileWriter.scalar("a: b") == "\"a: b\"")
        #expect(ContentFileWriter.scalar("2024") == "\"2024\"")
        #expect(ContentFileWriter.subsectionHeading("(一) 主动公开:") == "（一）主动公开")
        #expect(ContentFileWriter.subsectionHeading("（二）依申请公开。全年共收到申请3件。") == nil)
    }
}

@Suite struct DocxLimitTests {
    @Test func aZipBombIsRefusedWithoutInflatingIt() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("bomb.docx")
        let archive = try Archive(url: url, accessMode: .create)
        let size: Int64 = 80 * 1024 * 1024
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: size, compressionMethod: .deflate) { position, length in
            chunk.prefix(length)
        }
        #expect {
            try DocxReader.read(url, displayPath: "bomb.docx")
        } throws: { error in
            (error as! DiagnosticsError).diagnostics[0].message == .docxTooLarge(limit: 64)
        }
    }

    @Test func aFileThatIsNotAZipIsAClearError() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("not a zip", to: "x.docx")
        #expect {
            try DocxReader.read(url, displayPath: "x.docx")
        } throws: { error in
            (error as! DiagnosticsError).diagnostics[0].message == .docxNotOpenable
        }
    }
}
