import Foundation
import Testing

@testable import PortalKit

/// The output and incremental layer in process: paths read back, records, contained file
/// operations, the journal, and builds failing at every point of their commit.
@Suite struct OutputLayerTests {
    @Test func onlyPlainRelativePathsAreSafe() {
        for good in ["index.html", "2024/chengguan/index.html", ".portal-gen-output", "a/...b/c", "...", "a b/c"] {
            #expect(SafePath(good) != nil, "\(good)")
        }
        for bad in [
            "", "/etc/passwd", "../victim", "a/../../b", "a/..", "./a", "a/./b", "a//b", "a/", "a\nb", "a\u{0}b", "a\rb", "\u{7F}",
            String(repeating: "x", count: 256), String(repeating: "a/", count: 2100) + "a",
        ] {
            #expect(SafePath(bad) == nil, "\(bad.debugDescription)")
        }
    }

    /// Every single bit flipped anywhere in a record, and every truncation, is refused.
    @Test func aRecordWithAnyBitFlippedOrCutShortIsRefused() {
        let body = Array("inputs abc\nreports 2\n网站\n".utf8)
        let sealed = RecordFile.seal(.manifest, body: body)
        #expect((try? RecordFile.open(sealed, as: .manifest).get()) == body[...])
        for bit in 0..<(sealed.count * 8) {
            var bytes = sealed
            bytes[bit / 8] ^= UInt8(1 << (bit % 8))
            #expect((try? RecordFile.open(bytes, as: .manifest).get()) == nil, "bit \(bit)")
        }
        for length in 0..<sealed.count {
            #expect((try? RecordFile.open(Array(sealed.prefix(length)), as: .manifest).get()) == nil, "cut at \(length)")
        }
        #expect(RecordFile.open(sealed, as: .journal) == .failure(.damaged), "a record of another kind")
        var other = Array(String(decoding: sealed, as: UTF8.self).replacingOccurrences(of: "manifest 3", with: "manifest 9").utf8)
        var hash = ContentHash()
        hash.update(Array(other[0..<(other.count - RecordFile.trailerLength)]))
        other = Array(other[0..<(other.count - RecordFile.trailerLength)]) + RecordFile.trailer(checksum: hash)
        #expect(RecordFile.open(other, as: .manifest) == .failure(.foreign), "another format")
    }

    /// A record that is a link is not read: what it points to stays unread.
    @Test func aRecordThatIsALinkIsNotFollowed() throws {
        let folder = try TemporaryFolder()
        let target = try folder.write("secret", to: "secret.txt")
        let link = folder.url.appendingPathComponent("record")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        guard case .failure(.unreadable)? = RecordFile.read(link.path, as: .manifest) else {
            Issue.record("a link is refused")
            return
        }
        #expect(RecordFile.read(folder.url.appendingPathComponent("none").path, as: .manifest) == nil)
    }

    /// A manifest or journal sealed with a correct checksum (as anyone who reads the source can
    /// make one) is still refused when a path in it could leave the output folder.
    @Test func wellSealedRecordsWithEscapingPathsAreRefused() {
        let output = URL(fileURLWithPath: "/tmp/site/Output")
        for line in ["0 - 1 1 1 ../victim", "0 - 1 1 1 /etc/passwd", "0 - 1 1 1 a//b", "0 - 1 1 1 .portal-gen-cache"] {
            let body = Array("inputs x\nreports 0\npages 0\nrecorded 0\nwarnings []\n\(line)\n".utf8)
            #expect(BuildManifest(body: body[...]) == nil, "\(line)")
        }
        #expect(BuildManifest(body: Array("inputs x\nreports 0\npages 0\nrecorded 0\nwarnings []\n0 - 1 1 1 a/b.html\n".utf8)[...])?.files["a/b.html"] != nil)
        for journal in [
            "S .Output.staging-1-2\nD ../victim\n", "S ../elsewhere\nM a\n", "S .Output.staging-1-2\nM /etc\n",
            "S .Other.staging-1-2\nM a\n", "M a\n", "S .Output.staging-1-2\nX a\n",
        ] {
            #expect(CommitJournal(body: Array(journal.utf8)[...], output: output) == nil, "\(journal.debugDescription)")
        }
        let good = CommitJournal(body: Array("S .Output.staging-1-2\nR x\nM a/b\nD c\n".utf8)[...], output: output)
        #expect(good == CommitJournal(staging: ".Output.staging-1-2", removals: [SafePath("x")!], moves: [SafePath("a/b")!], deletions: [SafePath("c")!]))
    }

    /// Moving a file in and removing one never follow a link on the way: the link is replaced by a
    /// folder (when a folder of the site belongs there) or left alone, and its target is untouched.
    @Test func containedOperationsNeverFollowLinks() throws {
        let folder = try TemporaryFolder()
        let fm = FileManager.default
        let outside = try folder.write("outside", to: "outside/keep.txt").deletingLastPathComponent()
        try fm.createDirectory(at: folder.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        try folder.write("new", to: "staging/2024/a/index.html")
        try fm.createSymbolicLink(at: folder.url.appendingPathComponent("out/2024"), withDestinationURL: outside)
        let output = try ContainedFolder(folder.url.appendingPathComponent("out").path)
        let staging = try ContainedFolder(folder.url.appendingPathComponent("staging").path)
        try output.remove(SafePath("2024/keep.txt")!)
        #expect(fm.fileExists(atPath: outside.appendingPathComponent("keep.txt").path), "removing through a link removes nothing")
        try output.moveIn(SafePath("2024/a/index.html")!, from: staging)
        #expect(try String(contentsOf: folder.url.appendingPathComponent("out/2024/a/index.html"), encoding: .utf8) == "new")
        #expect((try? fm.destinationOfSymbolicLink(atPath: folder.url.appendingPathComponent("out/2024").path)) == nil)
        #expect(try fm.contentsOfDirectory(atPath: outside.path) == ["keep.txt"])
        // A link removed as an entry goes as a link.
        try fm.createSymbolicLink(at: folder.url.appendingPathComponent("out/link"), withDestinationURL: outside)
        try output.removeEntry("link")
        #expect(try fm.contentsOfDirectory(atPath: outside.path) == ["keep.txt"])
        // Removing the last file of a folder removes the folders it leaves empty.
        try output.remove(SafePath("2024/a/index.html")!)
        #expect(!fm.fileExists(atPath: folder.url.appendingPathComponent("out/2024").path))
    }

    /// The parse cache reads back as it was written; a flipped bit anywhere is refused, never read
    /// as other figures.
    @Test func theParseCacheRoundTripsAndRefusesDamage() async throws {
        let loader = ContentLoader(root: Repository.content, displayBase: Repository.root)
        let loaded = await loader.load()
        let cache = try #require(loaded.cache)
        #expect(cache.entries.count == loaded.reports.count)
        var body: [UInt8] = []
        cache.encode { body += $0 }
        let sealed = RecordFile.seal(.parseCache, body: body)
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent(ParseCache.fileName)
        try Data(sealed).write(to: file)
        guard case .success(let read)? = await ParseCache.load(from: folder.url, scope: loader.cacheScope) else {
            Issue.record("the cache reads back")
            return
        }
        var again: [UInt8] = []
        read.encode { again += $0 }
        #expect(again == body)
        for (path, entry) in cache.entries {
            let other = try #require(read.entries[path])
            #expect(other.source.title == entry.source.title && other.source.statistics == entry.source.statistics)
        }
        // The example holds a legacy report (no tables) and a 2021 report with （六） as one row: both read back as such.
        let sources = read.entries.values.map(\.source)
        #expect(sources.contains { $0.statistics == nil && $0.year == 2016 })
        let combined = try #require(sources.first { $0.statistics?.variant == .combined })
        #expect(combined.statistics?.t3.cell("F", 6) == cache.entries[combined.file]?.source.statistics?.t3.cell("F", 6))
        #expect(combined.statistics?.t3.cell("F", 6) != nil)
        var state: UInt64 = 7
        for _ in 0..<40 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bit = Int(state >> 33) % (sealed.count * 8)
            var bytes = sealed
            bytes[bit / 8] ^= UInt8(1 << (bit % 8))
            try Data(bytes).write(to: file)
            let outcome = await ParseCache.load(from: folder.url, scope: loader.cacheScope)
            if case .success? = outcome { Issue.record("bit \(bit) flipped was read as a cache") }
        }
    }

    /// A file whose stamp is not the one the walk saw, or that reads differently once it has
    /// settled, was being written: the read says so.
    @Test func aFileWrittenWhileItIsReadIsNamedAsSuch() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("---\ntitle: 甲\n---\n", to: "a.md")
        let stamp = try #require(ContentLoader.stamp(of: file.path))
        let read = try await ContentLoader.readWhole(file, display: "a.md", stamp: stamp, recent: true)
        #expect(read == Data("---\ntitle: 甲\n---\n".utf8))
        var moved = stamp
        moved.size += 1
        do {
            _ = try await ContentLoader.readWhole(file, display: "a.md", stamp: moved, recent: false)
            Issue.record("a changed stamp is noticed")
        } catch {
            #expect(error.diagnostics.map(\.message) == [.fileChangedWhileRead])
        }
    }

    /// A stamp without nanoseconds comes from a file system that keeps whole seconds (or two-second
    /// steps): such a file is trusted only after two seconds, not a tenth of one.
    @Test func coarseFileTimesAreTrustedOnlyAfterTheirStep() {
        #expect(ContentLoader.Snapshot.racyWindow(modified: 1_796_000_000_000_000_000, changed: 1_796_000_001_000_000_000) == 2_000_000_000)
        #expect(ContentLoader.Snapshot.racyWindow(modified: 1_796_000_000_123_456_789, changed: 1_796_000_000_123_456_789) == 100_000_000)
        #expect(ContentLoader.Snapshot.racyWindow(modified: 1_796_000_000_000_000_000, changed: 1_796_000_000_000_000_001) == 100_000_000)
    }

    /// Warnings that depend on the day are not replayed by the nothing-changed shortcut on another day.
    @Test func theNothingChangedShortcutDoesNotOutliveTheDay() async throws {
        let folder = try TemporaryFolder()
        try folder.write(minimalSettings, to: "Content/portal.yml")
        try folder.write(reportText(published: "2025-03-01"), to: "Content/a.md")
        func build(on day: CalendarDate) async throws -> SiteBuilder.Result {
            var options = SiteBuilder.Options(
                content: folder.url.appendingPathComponent("Content"), theme: Repository.defaultTheme.path,
                output: folder.url.appendingPathComponent("Output"), displayBase: folder.url)
            options.today = day
            return try await SiteBuilder(options: options).build()
        }
        let before = try await build(on: CalendarDate(year: 2025, month: 2, day: 1)!)
        #expect(before.diagnostics.contains { $0.message.id == "publishedInFuture" })
        let sameDay = try await build(on: CalendarDate(year: 2025, month: 2, day: 1)!)
        #expect(sameDay.unchanged)
        #expect(sameDay.diagnostics.contains { $0.message.id == "publishedInFuture" })
        let after = try await build(on: CalendarDate(year: 2025, month: 4, day: 1)!)
        #expect(!after.unchanged)
        #expect(!after.diagnostics.contains { $0.message.id == "publishedInFuture" })
    }

    /// In process, with the fault plan passed in: each point of the commit failing in turn.
    @Test func eachCommitPointFailingLeavesAStateTheNextBuildCompletes() async throws {
        let folder = try TemporaryFolder()
        try folder.write(minimalSettings, to: "Content/portal.yml")
        try folder.write(reportText(), to: "Content/a.md")
        try folder.write(reportText(township: "东城镇"), to: "Content/b.md")
        func options(_ output: String, faults: FaultPlan? = nil, fresh: Bool = false) -> SiteBuilder.Options {
            var options = SiteBuilder.Options(
                content: folder.url.appendingPathComponent("Content"), theme: Repository.defaultTheme.path,
                output: folder.url.appendingPathComponent(output), displayBase: folder.url, fresh: fresh)
            options.faults = faults
            return options
        }
        func site(_ output: String) -> [String: Data] {
            snapshot(folder.url.appendingPathComponent(output)).filter { !OutputTree.records.contains($0.key) }
        }
        _ = try await SiteBuilder(options: options("Output")).build()
        var point = 0
        var failures = 0
        while point < 100 {
            try folder.write(reportText(body: "## 一、总体情况\n\n第\(point)版。\n"), to: "Content/a.md")
            let plan = FaultPlan(phase: .commit, index: point, action: .fail(ENOSPC))
            do {
                _ = try await SiteBuilder(options: options("Output", faults: plan)).build()
                break
            } catch {
                failures += 1
                #expect(error.diagnostics.contains { $0.message.text(.english).contains("No space left on device") }, "\(plan.pointsReached)")
            }
            _ = try await SiteBuilder(options: options("Output")).build()
            _ = try await SiteBuilder(options: options("Clean", fresh: true)).build()
            #expect(site("Output") == site("Clean"), "failed at \(plan.pointsReached.last ?? "-")")
            point += 1
        }
        #expect(failures >= 5)
    }
}
