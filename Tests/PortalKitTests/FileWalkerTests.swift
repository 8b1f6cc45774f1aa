import Foundation
import Testing

@testable import PortalKit

@Suite struct FileWalkerTests {
    @Test func extensionsMatchInAnyCase() {
        #expect(FileWalker.name("a.md", hasExtension: "md"))
        #expect(FileWalker.name("报告.MD", hasExtension: "md"))
        #expect(FileWalker.name("a.tar.Md", hasExtension: "md"))
        #expect(!FileWalker.name("a.mdx", hasExtension: "md"))
        #expect(!FileWalker.name("md", hasExtension: "md"))
        #expect(!FileWalker.name("a.", hasExtension: "md"))
        #expect(!FileWalker.name("a.m", hasExtension: "md"))
    }

    /// Nested folders are walked, only the wanted files are listed (sorted, with their sizes),
    /// hidden files and folders are skipped, and a symbolic link is listed as one, not followed.
    @Test func walkFindsNestedFilesAndSkipsHiddenOnes() throws {
        let folder = try TemporaryFolder()
        try folder.write("a", to: "reports/2024/a.md")
        try folder.write("bb", to: "reports/2023/深层/b.MD")
        try folder.write("x", to: "reports/2023/notes.txt")
        try folder.write("h", to: "reports/.hidden.md")
        try folder.write("h", to: ".git/c.md")
        try FileManager.default.createSymbolicLink(atPath: folder.url.path + "/reports/link.md", withDestinationPath: folder.url.path + "/reports/2024/a.md")
        let entries = FileWalker.walk(folder.url.path, extension: "md")
        let relative = entries.map { String($0.path.dropFirst(folder.url.path.count + 1)) }
        #expect(relative == ["reports/2023/深层/b.MD", "reports/2024/a.md", "reports/link.md"])
        #expect(entries.map(\.size).prefix(2) == [2, 1])
        #expect(entries.map(\.isSymbolicLink) == [false, false, true])
    }
}
