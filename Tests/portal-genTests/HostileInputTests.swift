import Foundation
import PortalKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Broken and hostile input ends in a clear message and a non-zero exit, never a crash, a hang or
/// a damaged site; concurrent and interrupted builds never leave a half-written output.
@Suite struct HostileInputTests {
    func portal() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        try workspace.write(reportText(), to: "Content/reports/a.md")
        return workspace
    }

    func expectFailure(
        _ workspace: Workspace, _ file: String, line: Int, _ message: Message, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let outcome = try workspace.build()
        #expect(outcome.status == 1, sourceLocation: sourceLocation)
        #expect(outcome.stderr.shows(.error, message, at: file, line: line), "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Output").path), sourceLocation: sourceLocation)
    }

    @Test func yamlAliasBombIsRefused() throws {
        let workspace = try portal()
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            bomb +=
                "\(Character(UnicodeScalar(97 + level)!)): &\(Character(UnicodeScalar(97 + level)!)) ["
                + Array(repeating: "*\(Character(UnicodeScalar(96 + level)!))", count: 9).joined(separator: ",") + "]\n"
        }
        try workspace.write("---\n" + bomb + "---\n", to: "Content/reports/bomb.md")
        try expectFailure(workspace, "Content/reports/bomb.md", line: 2, .yamlAlias(part: .frontMatter, sign: "&"))
        // A quote inside a plain value does not hide what follows it.
        try workspace.write("---\ntitle: [a'b, *x]\n---\n", to: "Content/reports/bomb.md")
        try expectFailure(workspace, "Content/reports/bomb.md", line: 2, .yamlAlias(part: .frontMatter, sign: "*"))
    }

    @Test func deeplyNestedYAMLIsRefused() throws {
        let workspace = try portal()
        try workspace.write("---\ntitle: " + String(repeating: "[", count: 10_000) + "\n---\n", to: "Content/reports/deep.md")
        try expectFailure(workspace, "Content/reports/deep.md", line: 2, .yamlTooDeep(part: .frontMatter, limit: 32))
    }

    @Test func oversizedFilesAreRefusedBeforeReading() throws {
        let workspace = try portal()
        let big = workspace.url.appendingPathComponent("Content/reports/big.md")
        _ = FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 11 * 1024 * 1024)
        try handle.close()
        try expectFailure(workspace, "Content/reports/big.md", line: 1, .fileTooLarge(megabytes: 11, limit: 10))
    }

    @Test func brokenFilesNameTheFile() throws {
        let broken: [(String, Int, Message)] = [
            ("", 1, .frontMatterAbsent(fileIsEmpty: true)), ("---\ntitle: x\n", 1, .frontMatterUnclosed),
            ("\u{0}\u{0}---\n", 1, .fileHasNUL(offset: 0, looksLikeUTF16: true)),
            ("---\ntitle: a\u{0}b\n---\n", 2, .fileHasNUL(offset: 12, looksLikeUTF16: false)),
        ]
        for (text, line, message) in broken {
            let workspace = try portal()
            try workspace.write(text, to: "Content/reports/broken.md")
            try expectFailure(workspace, "Content/reports/broken.md", line: line, message)
        }
        let workspace = try portal()
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x41]).write(to: workspace.url.appendingPathComponent("Content/reports/bytes.md"))
        try expectFailure(workspace, "Content/reports/bytes.md", line: 2, .fileNotUTF8(offset: 4))
        let utf16 = try Workspace()
        try utf16.write(minimalSettings, to: "Content/portal.yml")
        try "---\ntitle: x\n---\n".data(using: .utf16LittleEndian)!.write(to: utf16.url.appendingPathComponent("Content/r.md"))
        try expectFailure(utf16, "Content/r.md", line: 1, .fileHasNUL(offset: 1, looksLikeUTF16: true))
    }

    @Test func absurdFiguresAndCombiningMarksAreHarmless() throws {
        let workspace = try portal()
        let title = "0;url=https://evil.example/\"\u{301} http-equiv=refresh >\u{301}"
        try workspace.write(reportText(title: "'\(title)'", tables: tablesYAML(["N": "[0, 0, 0, 0, 0, 0, -999999999999999999]"])), to: "Content/reports/a.md")
        let outcome = try workspace.build()
        #expect(outcome.status == 0, "figures are published as written, with findings: \(outcome.stderr)")
        #expect(outcome.stderr.showsRule(.t3Kinds))
        let injected = "\"\u{301} http-equiv"
        let closed = "http-equiv=refresh >"
        for (path, data) in snapshot(workspace.url.appendingPathComponent("Output")) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let safe = !html.contains(closed) && !html.contains(injected)
            #expect(safe, "\(path)")
        }
    }

    @Test func basePathMustBePlain() throws {
        let workspace = try portal()
        try workspace.write(minimalSettings + "\nbase_path: /\\evil.example/\n", to: "Content/portal.yml")
        let line = minimalSettings.components(separatedBy: "\n").count + 1
        try expectFailure(workspace, "Content/portal.yml", line: line, .basePathInvalid)
    }

    @Test func deeplyNestedMarkdownBuilds() throws {
        let workspace = try portal()
        try workspace.write(reportText(index: "deep", body: String(repeating: ">", count: 10_000) + " 深\n"), to: "Content/reports/a.md")
        let outcome = try workspace.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test func aSecondBuildIntoTheSameOutputRefusesWhileTheFirstRuns() throws {
        let workspace = try portal()
        #expect(try workspace.build().status == 0)
        let before = snapshot(workspace.url.appendingPathComponent("Output"))
        // Hold the lock the way a running build does.
        let descriptor = open(workspace.url.appendingPathComponent(".Output.lock").path, O_CREAT | O_RDWR, 0o644)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        try workspace.write(reportText(township: "东城镇"), to: "Content/reports/b.md")
        let second = try workspace.build()
        #expect(second.status == 1)
        #expect(second.stderr.shows(.outputLocked(output: "Output")))
        #expect(snapshot(workspace.url.appendingPathComponent("Output")) == before)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        #expect(try workspace.build().status == 0)
    }

    @Test func leftoversOfKilledBuildsAreCleanedUpOrRestored() throws {
        let workspace = try portal()
        #expect(try workspace.build().status == 0)
        let output = workspace.url.appendingPathComponent("Output")
        let before = snapshot(output)
        // Killed while writing: a staging folder is left behind.
        try workspace.write("half", to: ".Output.staging-99999-1/index.html")
        // Killed between the two renames: only the previous output, moved aside, exists.
        try FileManager.default.moveItem(at: output, to: workspace.url.appendingPathComponent(".Output.old-99998"))
        #expect(try workspace.build().status == 0)
        // The records say when they were written (the parse cache flags files edited just before
        // a build); the site is the previous one.
        let records: Set<String> = [".portal-gen-manifest", ".portal-gen-cache"]
        #expect(snapshot(output).filter { !records.contains($0.key) } == before.filter { !records.contains($0.key) })
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.contains(".staging-") || $0.contains(".old-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aBuildKilledAtAnyMomentLeavesThePreviousOutput() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        for year in 2008..<2024 {
            for township in ["花庄镇", "东城镇", "西山乡"] {
                try workspace.write(
                    reportText(
                        township: township, year: year, published: "\(year + 1)-01-20", index: "\(township)\(year)",
                        body: String(repeating: "## 一、总体情况\n\n正文段落。\n\n", count: 400)),
                    to: "Content/reports/\(year)/\(township).md")
            }
        }
        #expect(try workspace.build().status == 0)
        let output = workspace.url.appendingPathComponent("Output")
        let before = snapshot(output)
        try workspace.write(reportText(year: 2010, published: "2011-01-20", index: "changed", body: "改动。\n"), to: "Content/reports/2010/花庄镇.md")
        #expect(try workspace.build(output: "Expected").status == 0)
        func site(_ files: [String: Data]) -> [String: Data] { files.filter { $0.key != ".portal-gen-manifest" && $0.key != ".portal-gen-cache" } }
        let expected = site(snapshot(workspace.url.appendingPathComponent("Expected")))
        for delay in [0.05, 0.15, 0.3] {
            let process = Process()
            process.executableURL = PortalGen.executable
            process.arguments = ["build", "--theme", Repository.defaultTheme.path, "--jobs", "1"]
            process.currentDirectoryURL = workspace.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = snapshot(output)
            // Either the previous site or (if the build finished first) the complete new one.
            #expect(now == before || site(now) == expected, "killed after \(delay) s")
        }
        #expect(try workspace.build().status == 0)
        #expect(String(decoding: snapshot(output)["2010/huazhuang/index.html"] ?? Data(), as: UTF8.self).contains("改动。"))
    }
}

extension HostileInputTests {
    @Test func fileNamesThatAreNotUTF8AreReported() throws {
        let workspace = try portal()
        let name = [UInt8]("Content/reports/".utf8) + [0xB1, 0xA8, 0xB8, 0xE6] + [UInt8](".md".utf8)  // 报告 in GBK
        let raw = [UInt8](workspace.url.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = raw.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let outcome = try workspace.build()
        #expect(outcome.status == 1)
        #expect(outcome.stderr.shows(.nameNotUTF8))
    }
}

extension HostileInputTests {
    /// Markup in every field of the front matter and of portal.yml comes out as text.
    @Test func markupInEveryFieldIsEscaped() throws {
        let workspace = try Workspace()
        let marker = "<i>X</i>"
        let settings = """
            site_name: "站\(marker)"
            county: "县\(marker)"
            host_organ: "主办\(marker)"
            contact: "联系\(marker)"
            identity:
              site_code: "码\(marker)"
              icp: "ICP\(marker)"
              police: "公安\(marker)"
            townships:
              - name: "镇\(marker)"
                organ: "机关\(marker)"
                slug: zhen
            """
        try workspace.write(settings, to: "Content/portal.yml")
        try workspace.write(
            reportText(
                township: "\"镇\(marker)\"", index: "\"索引\(marker)\"", title: "\"题\(marker)\"",
                extra: "issuer: \"发布\(marker)\"\ndocument_number: \"文号\(marker)\"\n"), to: "Content/r.md")
        let outcome = try workspace.build()
        try #require(outcome.status == 0, "\(outcome.stderr)")
        var escaped = 0
        for (path, data) in snapshot(workspace.url.appendingPathComponent("Output")) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(marker), "\(path)")
            escaped += text.components(separatedBy: "&lt;i&gt;X&lt;/i&gt;").count - 1
        }
        let report = String(decoding: snapshot(workspace.url.appendingPathComponent("Output"))["2024/zhen/index.html"] ?? Data(), as: UTF8.self)
        for field in ["站", "主办", "联系", "码", "ICP", "公安", "镇", "题", "索引", "发布", "文号"] {
            #expect(report.contains("\(field)&lt;i&gt;X&lt;/i&gt;"), "\(field) is shown, escaped")
        }
        #expect(escaped > 20)
    }

    @Test func symbolicLinksOutOfTheContentFolderAreNotFollowed() throws {
        let workspace = try portal()
        try workspace.write(reportText(township: "东城镇"), to: "Outside/secret.md")
        try FileManager.default.createSymbolicLink(
            at: workspace.url.appendingPathComponent("Content/reports/link.md"),
            withDestinationURL: workspace.url.appendingPathComponent("Outside/secret.md"))
        let outcome = try workspace.build()
        #expect(outcome.status == 0)
        #expect(outcome.stderr.shows(.warning, .symbolicLinkSkipped, at: "Content/reports/link.md", line: 1))
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Output/2024/dongcheng/index.html").path))
    }

    @Test func aVeryLongLineIsProcessedInBoundedTime() throws {
        let workspace = try portal()
        try workspace.write(reportText(index: "long", body: String(repeating: "a", count: 9_000_000) + "\n"), to: "Content/reports/a.md")
        let outcome = try workspace.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }
}

extension HostileInputTests {
    static func chattr(_ flag: String, _ url: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, url.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chattr \(flag)")
    }

    /// A folder nothing can be written to (even by root: the immutable attribute) stands for a
    /// read-only disk: the build fails with the system's reason and the previous site stays.
    @Test func anUnwritableOutputLocationFailsCleanly() throws {
        let workspace = try portal()
        #expect(try workspace.build().status == 0)
        let output = workspace.url.appendingPathComponent("Output")
        let before = snapshot(output)
        try workspace.write(reportText(township: "东城镇"), to: "Content/reports/b.md")
        try Self.chattr("+i", workspace.url)
        defer { try? Self.chattr("-i", workspace.url) }
        let outcome = try workspace.build()
        try Self.chattr("-i", workspace.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.shows(.stagingUncreatable(output: "Output", reason: "Operation not permitted")), "\(outcome.stderr)")
        #expect(snapshot(output) == before)
    }
}

extension HostileInputTests {
    /// A disk that refuses more bytes (here: the file size limit of `ulimit -f`, with SIGXFSZ
    /// ignored so that writes fail as on a full disk) fails the build with the system's reason.
    @Test func aFailingWriteLeavesThePreviousSite() throws {
        let workspace = try portal()
        #expect(try workspace.build().status == 0)
        let output = workspace.url.appendingPathComponent("Output")
        let before = snapshot(output)
        try workspace.write(reportText(index: "big", body: String(repeating: "很长的段落。", count: 20_000) + "\n"), to: "Content/reports/a.md")
        let outcome = try PortalGen.run(
            ["-c", "trap '' XFSZ; ulimit -f 100; exec \"$0\" build --theme \"$1\"", PortalGen.executable.path, Repository.defaultTheme.path],
            in: workspace.url, shell: true)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("无法把 `2024/huazhuang/index.html` 写入输出文件夹：File too large；网站保持上次构建的样子"), "\(outcome.stderr)")
        #expect(snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.contains(".staging-") }
        #expect(leftovers.isEmpty)
    }
}
