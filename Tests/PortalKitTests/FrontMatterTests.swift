import Foundation
import Testing

@testable import PortalKit

@Suite struct FrontMatterTests {
    @Test func splitsYamlAndBodyWithLineNumbers() throws {
        let fm = try FrontMatter.split(SourceText(path: "a.md", text: "---\ntitle: x\nyear: 2024\n---\n\n# Body\n"))
        #expect(fm.yaml == "title: x\nyear: 2024")
        #expect(fm.yamlFirstLine == 2)
        #expect(fm.bodyFirstLine == 5)
        #expect(fm.body == "\n# Body\n")
    }

    @Test func byteOrderMarkAndCRLFAreRemoved() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: x\r\n---\r\nbody\r\n".utf8)
        let source = try SourceText.decode(data, displayPath: "a.md")
        let fm = try FrontMatter.split(source)
        #expect(fm.yaml == "title: x")
        #expect(fm.body == "body\n")
        #expect(fm.bodyFirstLine == 4)
    }

    @Test func mixedLineEndingsKeepLineNumbers() throws {
        let source = try SourceText.decode(Data("---\r\ntitle: x\ryear: 2024\n---\r\nbody\rmore\n".utf8), displayPath: "a.md")
        let fm = try FrontMatter.split(source)
        #expect(fm.yaml == "title: x\nyear: 2024")
        #expect(fm.bodyFirstLine == 5)
        #expect(fm.body == "body\nmore\n")
    }

    @Test func aFileThatIsOnlyFrontMatterHasAnEmptyBody() throws {
        let fm = try FrontMatter.split(SourceText(path: "a.md", text: "---\ntitle: x\n---"))
        #expect(fm.yaml == "title: x")
        #expect(fm.body.isEmpty)
    }

    @Test func utf16WithBOMIsDecoded() throws {
        var data = Data([0xFF, 0xFE])
        data.append("---\ntitle: 标题\n---\n".data(using: .utf16LittleEndian)!)
        let fm = try FrontMatter.split(SourceText.decode(data, displayPath: "a.md"))
        #expect(fm.yaml == "title: 标题")
    }

    @Test func dashesInsideTheBodyStayInTheBody() throws {
        let fm = try FrontMatter.split(SourceText(path: "a.md", text: "---\na: 1\n---\ntext\n\n---\n\nmore\n---\n"))
        #expect(fm.yaml == "a: 1")
        #expect(fm.body == "text\n\n---\n\nmore\n---\n")
    }

    @Test func missingFrontMatterIsAnErrorOnLine1() {
        #expect {
            try FrontMatter.split(SourceText(path: "a.md", text: "# Just a heading\n"))
        } throws: { error in
            let d = (error as! DiagnosticsError).diagnostics
            return d.count == 1 && d[0].location == SourceLocation(file: "a.md", line: 1) && d[0].message == .frontMatterAbsent(fileIsEmpty: false)
        }
    }

    @Test func unclosedFrontMatterIsAnError() {
        #expect {
            try FrontMatter.split(SourceText(path: "a.md", text: "---\ntitle: x\n\nbody\n"))
        } throws: { error in
            (error as! DiagnosticsError).diagnostics[0].message == .frontMatterUnclosed
        }
    }

    @Test func emptyFileSaysSo() {
        #expect {
            try FrontMatter.split(SourceText(path: "a.md", text: ""))
        } throws: { error in
            (error as! DiagnosticsError).diagnostics[0].message == .frontMatterAbsent(fileIsEmpty: true)
        }
    }

    @Test func invalidUTF8NamesTheByteOffsetAndLine() {
        let data = Data("---\ntitle: ab".utf8) + Data([0xC3, 0x28]) + Data("\n---\n".utf8)
        #expect {
            try SourceText.decode(data, displayPath: "bad.md")
        } throws: { error in
            let d = (error as! DiagnosticsError).diagnostics[0]
            return d.message == .fileNotUTF8(offset: 13) && d.location?.line == 2
        }
    }
}
