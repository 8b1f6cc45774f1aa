import Foundation
import Testing

@testable import PortalKit

/// The site a build writes, byte for byte, against the SHA-256 list recorded before a change
/// (`scripts/record-output-identity.sh`). Work on speed must not change what a reader gets; a change
/// meant to alter the output records the lists again in the same commit, and the diff of the lists
/// shows which files it touched.
@Suite struct OutputIdentityTests {
    static let recorded = Repository.root.appendingPathComponent("Tests/Fixtures/output-identity")
    /// The day the lists were recorded with: what is 未到期 depends on it.
    static let today = "2026-12-02"

    @Test func examplePortalIsByteIdenticalToTheRecordedOutput() throws {
        let folder = try TemporaryFolder()
        let outcome = try PortalGen.run(
            ["build", "--content", Repository.content.path, "--output", "Output", "--today", Self.today], in: folder.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        try expectIdentical(folder.url.appendingPathComponent("Output"), to: "example.sha256")
    }

    @Test func benchPortalIsByteIdenticalToTheRecordedOutput() throws {
        let folder = try TemporaryFolder()
        let bench = PortalGen.executable.deletingLastPathComponent().appendingPathComponent("portal-bench")
        #expect(FileManager.default.isExecutableFile(atPath: bench.path), "portal-bench is built beside portal-gen by swift build")
        let generate = try PortalGen.run(
            ["-c", #""$0" generate "$@" --output Content"#, bench.path] + Self.benchSize, in: folder.url, shell: true)
        #expect(generate.status == 0, "\(generate.stderr)")
        let outcome = try PortalGen.run(
            ["build", "--content", "Content", "--theme", Repository.defaultTheme.path, "--output", "Output", "--today", Self.today],
            in: folder.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        try expectIdentical(folder.url.appendingPathComponent("Output"), to: "bench.sha256")
    }

    /// The synthetic portal of the bench list: every township page, pager and carry-over kind, and
    /// three published arithmetic slips.
    static let benchSize = ["--reports", "300", "--townships", "30", "--years", "10"]

    func expectIdentical(_ output: URL, to listName: String) throws {
        let expected = try Self.parse(String(contentsOf: Self.recorded.appendingPathComponent(listName), encoding: .utf8))
        let actual = try Self.digests(of: output)
        #expect(!expected.isEmpty)
        let missing = expected.keys.filter { actual[$0] == nil }.sorted()
        let added = actual.keys.filter { expected[$0] == nil }.sorted()
        let changed = expected.keys.filter { actual[$0] != nil && actual[$0] != expected[$0] }.sorted()
        #expect(missing.isEmpty, "files no longer written: \(missing.prefix(20))")
        #expect(added.isEmpty, "files not in \(listName): \(added.prefix(20))")
        #expect(changed.isEmpty, "\(changed.count) files differ from \(listName): \(changed.prefix(20))")
    }

    /// `sha256sum`'s format: the hex digest, two spaces, the path below the output folder.
    static func parse(_ list: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in list.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            result[String(line[line.index(space, offsetBy: 2)...])] = String(line[..<space])
        }
        return result
    }

    /// Every published file's digest; the build's own records (`.portal-gen*`) are not the site.
    static func digests(of output: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let base = output.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(atPath: base) else { return result }
        for case let path as String in walker {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".portal-gen") }) { continue }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            result["./" + path] = SHA256Digest.hex(of: Array(try Data(contentsOf: URL(fileURLWithPath: base + path))))
        }
        return result
    }
}
