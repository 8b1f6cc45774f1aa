import Foundation
import PortalKit
import Testing

/// What portal-gen promises about the output folder (docs/security.md): after any build that
/// exits 0 it is exactly what a clean build writes; a killed or failed build leaves the previous
/// site or a state the next build completes; nothing outside it is ever read, written or deleted.
@Suite struct TrustworthyOutputTests {
    static let records: Set<String> = [".portal-gen-manifest", ".portal-gen-cache"]

    /// The site's files, without the build's own records (they hold file stamps and times).
    static func site(_ folder: URL) -> [String: Data] {
        snapshot(folder).filter { !records.contains($0.key) }
    }

    /// A copy of the example portal whose files are older than the moment a build starts.
    static func examplePortal() throws -> Workspace {
        let workspace = try IncrementalBuildTests.examplePortal()
        return workspace
    }

    /// The site a clean build of the workspace's content writes (into `Clean/`, removed first).
    static func cleanSite(_ workspace: Workspace) throws -> [String: Data] {
        try? FileManager.default.removeItem(at: workspace.url.appendingPathComponent("Clean"))
        let outcome = try PortalGen.run(["build", "--clean", "--output", "Clean"], in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return site(workspace.url.appendingPathComponent("Clean"))
    }

    static func build(_ workspace: Workspace, _ extra: [String] = []) throws -> PortalGen.Outcome {
        try PortalGen.run(["build"] + extra, in: workspace.url)
    }

    static func append(_ text: String, to path: String, in workspace: Workspace) throws {
        let file = workspace.url.appendingPathComponent(path)
        try Data((try String(contentsOf: file, encoding: .utf8) + text).utf8).write(to: file)
    }

    /// A folder outside the output with a file in it, to show that nothing reaches it.
    static func victim(_ workspace: Workspace, _ name: String) throws -> URL {
        let folder = workspace.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("不可触碰".utf8).write(to: folder.appendingPathComponent("keep.txt"))
        return folder
    }

    static func untouched(_ folder: URL) -> Bool {
        snapshot(folder) == ["keep.txt": Data("不可触碰".utf8)]
    }

    // MARK: - Containment

    /// A forged manifest line or journal line pointing outside the output is never acted on.
    @Test func forgedRecordsNeverReachOutsideTheOutput() throws {
        let workspace = try Self.examplePortal()
        #expect(try Self.build(workspace).status == 0)
        let victim = try Self.victim(workspace, "victim")
        let victim2 = try Self.victim(workspace, "victim2")
        let output = workspace.url.appendingPathComponent("Output")
        let manifest = output.appendingPathComponent(".portal-gen-manifest")
        var text = try String(contentsOf: manifest, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nchecksum ", with: "\n0 - 1 1 1 ../victim\nchecksum ")
        try Data(text.utf8).write(to: manifest)
        try Data("S .Output.staging-1-2\nD ../victim2\nD /tmp\n".utf8).write(to: workspace.url.appendingPathComponent(".Output.journal"))
        try Self.append("\n新增一段。\n", to: "Content/reports/2024/chengguan.md", in: workspace)
        let outcome = try Self.build(workspace)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.stderr.contains("警告: " + Message.recordIgnored(record: .journal, path: ".Output.journal", problem: .damaged).text(.chinese)),
            "\(outcome.stderr)")
        #expect(Self.untouched(victim) && Self.untouched(victim2))
        #expect(Self.site(output) == (try Self.cleanSite(workspace)))
    }

    /// Links placed in the output folder (a folder of the site, a file, the records, a staging
    /// folder beside it) are removed as links; what they point to is never written or deleted.
    @Test func symbolicLinksInTheOutputAreRemovedNotFollowed() throws {
        let workspace = try Self.examplePortal()
        #expect(try Self.build(workspace).status == 0)
        let output = workspace.url.appendingPathComponent("Output")
        let elsewhere = try Self.victim(workspace, "elsewhere")
        let secret = try Self.victim(workspace, "secret")
        let fm = FileManager.default
        try fm.removeItem(at: output.appendingPathComponent("2024"))
        try fm.createSymbolicLink(at: output.appendingPathComponent("2024"), withDestinationURL: elsewhere)
        try fm.removeItem(at: output.appendingPathComponent("index.html"))
        try fm.createSymbolicLink(at: output.appendingPathComponent("index.html"), withDestinationURL: secret.appendingPathComponent("keep.txt"))
        try fm.removeItem(at: output.appendingPathComponent(".portal-gen-cache"))
        try fm.createSymbolicLink(at: output.appendingPathComponent(".portal-gen-cache"), withDestinationURL: secret.appendingPathComponent("keep.txt"))
        try fm.createSymbolicLink(at: workspace.url.appendingPathComponent(".Output.staging-7-7"), withDestinationURL: secret)

        let healed = try Self.build(workspace)
        #expect(healed.status == 0, "\(healed.stderr)")
        #expect(Self.untouched(elsewhere) && Self.untouched(secret))
        #expect(!fm.fileExists(atPath: workspace.url.appendingPathComponent(".Output.staging-7-7").path))
        var isLink = (try? fm.destinationOfSymbolicLink(atPath: output.appendingPathComponent("2024").path)) != nil
        #expect(!isLink, "the link is replaced by the site's folder")
        isLink = (try? fm.destinationOfSymbolicLink(atPath: output.appendingPathComponent("index.html").path)) != nil
        #expect(!isLink)
        #expect(Self.site(output) == (try Self.cleanSite(workspace)))
    }

    // MARK: - Integrity

    /// Deterministic single-bit flips in the parse cache and the manifest: every one is noticed
    /// (one warning line), and the site is exactly what a clean build writes.
    @Test func everyFlippedBitInARecordMeansARebuildFromTheContent() throws {
        let workspace = try Self.examplePortal()
        #expect(try Self.build(workspace).status == 0)
        let clean = try Self.cleanSite(workspace)
        let output = workspace.url.appendingPathComponent("Output")
        var state: UInt64 = 20_261_202
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for (record, flips, warning) in [(".portal-gen-cache", 40, "解析缓存"), (".portal-gen-manifest", 20, "上次构建的记录")] {
            for flip in 0..<flips {
                let file = output.appendingPathComponent(record)
                var bytes = [UInt8](try Data(contentsOf: file))
                let bit = next() % (bytes.count * 8)
                bytes[bit / 8] ^= UInt8(1 << (bit % 8))
                try Data(bytes).write(to: file)
                // A content change makes the build read the records instead of stopping at "nothing changed".
                try Self.append("\n第\(flip)次修改。\n", to: "Content/reports/2023/donghu.md", in: workspace)
                let outcome = try Self.build(workspace)
                #expect(outcome.status == 0, "\(record) bit \(bit): \(outcome.stderr)")
                #expect(outcome.stderr.contains(warning), "\(record) bit \(bit): one warning says the record was ignored")
                let expected = try Self.cleanSite(workspace)
                #expect(Self.site(output) == expected, "\(record) bit \(bit): the site equals a clean build")
            }
        }
        #expect(clean.count > 60)
    }

    // MARK: - Self-healing

    /// Files deleted, edited or added by hand in the output are put right by the next build, also
    /// when nothing in the content changed.
    @Test func handEditsInTheOutputAreUndoneByTheNextBuild() throws {
        let workspace = try Self.examplePortal()
        #expect(try Self.build(workspace).status == 0)
        let output = workspace.url.appendingPathComponent("Output")
        let clean = try Self.cleanSite(workspace)
        try FileManager.default.removeItem(at: output.appendingPathComponent("assets/style.css"))
        let homePage = output.appendingPathComponent("index.html")
        let home = try FileHandle(forWritingTo: homePage)
        try home.seekToEnd()
        try home.write(contentsOf: Data("<p>手工改动</p>".utf8))
        try home.close()
        try Data("多余".utf8).write(to: output.appendingPathComponent("2024/extra.html"))
        // Deep in the tree, where a folder as recorded is not listed again: its time tells.
        try Data("多余".utf8).write(to: output.appendingPathComponent("2023/donghu/extra.txt"))
        try FileManager.default.removeItem(at: output.appendingPathComponent("2023/nanhe/data.json"))
        let healed = try Self.build(workspace)
        #expect(healed.status == 0, "\(healed.stderr)")
        #expect(!healed.stdout.saysNothingChanged, "\(healed.stdout)")
        #expect(Self.site(output) == clean)
        let again = try Self.build(workspace)
        #expect(again.stdout.saysNothingChanged, "\(again.stdout)")
        // With a content change too.
        try FileManager.default.removeItem(at: output.appendingPathComponent("assets/style.css"))
        try Self.append("\n补充。\n", to: "Content/reports/2024/chengguan.md", in: workspace)
        #expect(try Self.build(workspace).status == 0)
        #expect(Self.site(output) == (try Self.cleanSite(workspace)))
    }

    /// Entries whose names no site path can have (a carriage return as in macOS's `Icon\r`, a
    /// newline, bytes that are not UTF-8) and folders made by hand are removed — only they, by
    /// their bytes — and the rest of the folder they are in stays published.
    @Test func oddNamesAndHandMadeFoldersAreRemovedAndNothingElse() throws {
        let workspace = try Self.examplePortal()
        #expect(try Self.build(workspace).status == 0)
        let output = workspace.url.appendingPathComponent("Output")
        let clean = try Self.cleanSite(workspace)
        let fm = FileManager.default
        try Data("x".utf8).write(to: output.appendingPathComponent("assets/Icon\r"))
        try fm.createDirectory(at: output.appendingPathComponent("2023/x\ny"), withIntermediateDirectories: true)
        try fm.createDirectory(at: output.appendingPathComponent("emptydir"), withIntermediateDirectories: true)
        try fm.createDirectory(at: output.appendingPathComponent("2023/sub/deeper"), withIntermediateDirectories: true)
        for raw in [[0xFF, 0xFE] as [UInt8], Array("2023/".utf8) + [0xC3]] {
            let path = Array(output.path.utf8) + [UInt8(ascii: "/")] + raw + [0]
            let made = path.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { mkdir($0, 0o755) }
            }
            #expect(made == 0)
        }
        let healed = try Self.build(workspace)
        #expect(healed.status == 0, "\(healed.stderr)")
        #expect(!healed.stdout.saysNothingChanged)
        let entries = Set(try fm.contentsOfDirectory(atPath: output.path))
        #expect(entries.contains("assets") && entries.contains("2023"))
        #expect(!entries.contains("emptydir"))
        #expect(try fm.contentsOfDirectory(atPath: output.path).count == entries.count)
        #expect(!fm.fileExists(atPath: output.appendingPathComponent("2023/sub").path))
        #expect(!fm.fileExists(atPath: output.appendingPathComponent("2023/x\ny").path))
        #expect(Self.site(output) == clean)
        // Nothing else is left: the folder holds what a clean build holds, folders included.
        let folders = { (root: URL) in Set((fm.subpaths(atPath: root.path) ?? []).filter { !Self.records.contains($0) }) }
        #expect(folders(output) == folders(workspace.url.appendingPathComponent("Clean")))
        #expect(try Self.build(workspace).stdout.saysNothingChanged)
    }

    /// Links beside the output folder at portal-gen's own names are never followed: a link at a
    /// moved-aside site's name is not taken for the site, a link at the lock's name is replaced.
    @Test func linksAtPortalGensOwnNamesBesideTheOutputAreNotFollowed() throws {
        let workspace = try Self.examplePortal()
        let elsewhere = workspace.url.appendingPathComponent("Elsewhere")
        #expect(try PortalGen.run(["build", "--output", "Elsewhere"], in: workspace.url).status == 0)
        try Data("mine".utf8).write(to: elsewhere.appendingPathComponent("mine.txt"))
        let before = snapshot(elsewhere)
        let fm = FileManager.default
        try fm.createSymbolicLink(at: workspace.url.appendingPathComponent(".Output.old-7"), withDestinationURL: elsewhere)
        try fm.createSymbolicLink(at: workspace.url.appendingPathComponent(".Output.lock"), withDestinationURL: elsewhere.appendingPathComponent("mine.txt"))
        let outcome = try Self.build(workspace)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect((try? fm.destinationOfSymbolicLink(atPath: workspace.url.appendingPathComponent("Output").path)) == nil, "Output is a folder of its own")
        #expect(snapshot(elsewhere) == before)
        #expect(Self.site(workspace.url.appendingPathComponent("Output")) == (try Self.cleanSite(workspace)))
        #expect(!fm.fileExists(atPath: workspace.url.appendingPathComponent(".Output.old-7").path), "the link is removed as a link")
        #expect(try Self.build(workspace).stdout.saysNothingChanged)
    }

    /// A build whose messages cannot be written (standard error on a full disk) still fails with
    /// exit status 1, and does not crash.
    @Test func aBuildThatCannotPrintStillExitsWithItsStatus() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        try workspace.write("---\ntitle: x\n", to: "Content/a.md")
        let outcome = try PortalGen.run(
            ["-c", "exec \"$0\" build --theme \"$1\" 2>/dev/full", PortalGen.executable.path, Repository.defaultTheme.path],
            in: workspace.url, shell: true)
        #expect(outcome.status == 1)
    }

    // MARK: - Kills and failures at every point of the commit

    /// The changes a kill test makes between two builds: an edited report, a withdrawn report
    /// (its pages must go) and a file added by hand to the output.
    static func change(_ workspace: Workspace, round: Int) throws {
        try append("\n第\(round)轮修改。\n", to: "Content/reports/2024/chengguan.md", in: workspace)
        let withdrawn = workspace.url.appendingPathComponent("Content/reports/2023/xishan.md")
        let parked = workspace.url.appendingPathComponent("xishan-2023.md")
        let fm = FileManager.default
        if fm.fileExists(atPath: withdrawn.path) { try fm.moveItem(at: withdrawn, to: parked) } else { try fm.moveItem(at: parked, to: withdrawn) }
        try Data("手工".utf8).write(to: workspace.url.appendingPathComponent("Output/stray-\(round).html"))
    }

    /// For each point of the commit, in turn: a build killed there (SIGKILL), then a build, which
    /// must give exactly the clean build's site; the one after must find nothing to do.
    func killAtEveryPoint(_ mode: [String]) throws -> Int {
        let workspace = try Self.examplePortal()
        let output = workspace.url.appendingPathComponent("Output")
        #expect(try Self.build(workspace).status == 0)
        var point = 0
        while point < 200 {
            try Self.change(workspace, round: point)
            let killed = try Self.build(workspace, mode + ["--fault", "commit:\(point):kill"])
            let finished = try Self.build(workspace, mode)
            #expect(finished.status == 0, "point \(point): \(finished.stderr)")
            #expect(Self.site(output) == (try Self.cleanSite(workspace)), "\(mode) killed at commit point \(point)")
            let idle = try Self.build(workspace, mode)
            #expect(idle.stdout.saysNothingChanged, "point \(point): \(idle.stdout)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter {
                $0.hasPrefix(".Output.") && !$0.hasSuffix(".lock")
            }
            #expect(leftovers.isEmpty, "point \(point): \(leftovers)")
            if killed.status == 0 { break }
            #expect(killed.status == SIGKILL, "point \(point): \(killed.stderr)")
            point += 1
        }
        return point
    }

    @Test func aBuildKilledAtAnyPointOfAnIncrementalCommitIsCompletedByTheNext() throws {
        let points = try killAtEveryPoint([])
        #expect(points >= 8, "the journal, the removals, the moves, the deletions and the manifest are all points")
    }

    @Test func aBuildKilledAtAnyPointOfAWholeSiteCommitLeavesAWholeSite() throws {
        #expect(try killAtEveryPoint(["--atomic"]) >= 2)
    }

    /// A write or rename that fails at any point of the commit fails the build (exit 1, the system's
    /// words) and the next build puts the site right.
    @Test func aFailureAtAnyPointOfTheCommitFailsTheBuildAndIsRepairedByTheNext() throws {
        let workspace = try Self.examplePortal()
        let output = workspace.url.appendingPathComponent("Output")
        #expect(try Self.build(workspace).status == 0)
        var point = 0
        while point < 200 {
            try Self.change(workspace, round: point)
            let failed = try Self.build(workspace, ["--fault", "commit:\(point):enospc"])
            if failed.status == 0 { break }
            #expect(failed.status == 1)
            #expect(failed.stderr.contains("No space left on device"), "point \(point): \(failed.stderr)")
            #expect(try Self.build(workspace).status == 0)
            #expect(Self.site(output) == (try Self.cleanSite(workspace)), "failed at commit point \(point)")
            point += 1
        }
        #expect(point >= 8)
    }

    /// A file that cannot be staged fails the build and leaves the published site as it was.
    @Test func aFailureWhileStagingLeavesThePreviousSite() throws {
        let workspace = try Self.examplePortal()
        let output = workspace.url.appendingPathComponent("Output")
        #expect(try Self.build(workspace).status == 0)
        let before = snapshot(output)
        // A new title: the report's page and every page that lists it are staged.
        let file = workspace.url.appendingPathComponent("Content/reports/2024/chengguan.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "年度报告\ntownship:", with: "年度报告（修订）\ntownship:").utf8).write(to: file)
        for point in [0, 2] {
            let failed = try Self.build(workspace, ["--fault", "stage:\(point):eio"])
            #expect(failed.status == 1)
            #expect(failed.stderr.shows { .outputFileUnwritable(path: $0, reason: "Input/output error") }, "\(failed.stderr)")
            #expect(snapshot(output) == before)
        }
    }

    // MARK: - Sums

    /// A county total that cannot be written fails the build (and `check`) naming the reports
    /// added, instead of publishing a wrong figure.
    @Test func aCompilationTotalThatDoesNotFitIsAnErrorNamingTheReports() throws {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        try workspace.write(reportText(tables: tablesYAML(["t2.fees": "999999999999999999"])), to: "Content/a.md")
        try workspace.write(reportText(township: "东城镇", tables: tablesYAML(["t2.fees": "0.000000001"])), to: "Content/b.md")
        let built = try workspace.build()
        #expect(built.status == 1)
        #expect(
            built.stderr.shows(
                .compilationTooLarge(year: 2024, table: "T2", row: "行政事业性收费", column: "本年收费金额（单位：万元）", files: ["Content/a.md", "Content/b.md"])),
            "\(built.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Output").path))
        let checked = try PortalGen.run(["check", "--content", "Content"], in: workspace.url)
        #expect(checked.status == 1)
        #expect(
            checked.stdout.shows(
                .compilationTooLarge(year: 2024, table: "T2", row: "行政事业性收费", column: "本年收费金额（单位：万元）", files: ["Content/a.md", "Content/b.md"])),
            "\(checked.stdout)")
    }

    // MARK: - Sources edited during a build

    /// A report rewritten over and over while builds run: every build either fails saying the file
    /// changed during the build, or publishes exactly one of its two versions, never a mix.
    @Test func aReportEditedDuringTheBuildIsNeverPublishedTorn() throws {
        let workspace = try Self.examplePortal()
        let file = workspace.url.appendingPathComponent("Content/reports/2024/chengguan.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        let versions = ["甲", "乙"].map { mark in original + "\n" + String(repeating: "版本\(mark)的段落。", count: 3000) + "\n" }
        let stop = Stopper()
        let writer = Thread {
            var round = 0
            while !stop.stopped {
                let bytes = Array(versions[round % 2].utf8)
                let descriptor = open(file.path, O_WRONLY | O_TRUNC)
                bytes.withUnsafeBytes { buffer in
                    // Two writes with a pause between: a reader in between sees half a file.
                    _ = write(descriptor, buffer.baseAddress!, buffer.count / 2)
                    usleep(300)
                    _ = write(descriptor, buffer.baseAddress! + buffer.count / 2, buffer.count - buffer.count / 2)
                }
                close(descriptor)
                // Pauses of different lengths, so that some builds read between edits and some during one.
                usleep(UInt32(40_000 * (round % 4)))
                round += 1
            }
        }
        writer.start()
        defer { stop.stop() }
        for _ in 0..<30 {
            let outcome = try Self.build(workspace)
            let page = String(
                decoding: (try? Data(contentsOf: workspace.url.appendingPathComponent("Output/2024/chengguan/index.html"))) ?? Data(), as: UTF8.self)
            if outcome.status == 0 {
                let whole = ["甲", "乙"].filter { page.contains(String(repeating: "版本\($0)的段落。", count: 3000)) }
                #expect(whole.count == 1, "the page shows one whole version")
            } else {
                // Usually `文件在构建过程中被修改`; a writer paused half-way for longer than the settling
                // time leaves a file that is, for that long, half a file: then its own error. Either
                // way the build fails on that file and publishes nothing (the exact message is
                // tested deterministically in OutputLayerTests).
                #expect(outcome.stderr.contains("Content/reports/2024/chengguan.md:"), "\(outcome.stderr)")
            }
        }
    }
}

/// A flag one thread sets and another reads.
final class Stopper: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var stopped: Bool { lock.withLock { value } }
    func stop() { lock.withLock { value = true } }
}
