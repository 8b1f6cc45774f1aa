import Foundation
import Testing

@testable import PortalKit

/// The preview's memory of the last build's records: used only for the very bytes it decoded, so
/// a build with it writes what a build without it writes.
@Suite struct BuildMemoryTests {
    @Test func remembersOnlyTheBytesItDecoded() async throws {
        let folder = try TemporaryFolder()
        try folder.write(minimalSettings, to: "Content/portal.yml")
        try folder.write(reportText(), to: "Content/a.md")
        try folder.write(reportText(township: "东城镇"), to: "Content/b.md")
        let memory = BuildMemory()
        func options(_ output: String, memory: BuildMemory? = nil, fresh: Bool = false) -> SiteBuilder.Options {
            var options = SiteBuilder.Options(
                content: folder.url.appendingPathComponent("Content"), theme: Repository.defaultTheme.path,
                output: folder.url.appendingPathComponent(output), displayBase: folder.url, fresh: fresh)
            options.memory = memory
            return options
        }
        func site(_ output: String) -> [String: Data] {
            snapshot(folder.url.appendingPathComponent(output)).filter { !OutputTree.records.contains($0.key) }
        }
        let output = folder.url.appendingPathComponent("Output")
        _ = try await SiteBuilder(options: options("Output", memory: memory)).build()
        memory.remember(options("Output"))
        let manifest = try [UInt8](Data(contentsOf: output.appendingPathComponent(BuildManifest.fileName)))
        #expect(await memory.manifest(matching: manifest) != nil, "the manifest just written is remembered")
        #expect(await memory.manifest(matching: manifest + [0]) == nil, "other bytes are not")

        for version in 1...3 {
            try folder.write(reportText(body: "## 一、总体情况\n\n第\(version)版。\n"), to: "Content/a.md")
            let built = try await SiteBuilder(options: options("Output", memory: memory)).build()
            #expect(built.timings.filesReused == 1, "b.md comes from the remembered cache")
            memory.remember(options("Output"))
            _ = try await SiteBuilder(options: options("Clean", fresh: true)).build()
            #expect(site("Output") == site("Clean"), "version \(version)")
        }

        // A cache changed on disk behind the memory's back is not taken from memory: the damage is
        // noticed (its checksum) and every report is parsed again.
        let cacheFile = output.appendingPathComponent(ParseCache.fileName)
        var bytes = try Data(contentsOf: cacheFile)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: cacheFile)
        try folder.write(reportText(body: "## 一、总体情况\n\n第4版。\n"), to: "Content/a.md")
        let rebuilt = try await SiteBuilder(options: options("Output", memory: memory)).build()
        #expect(rebuilt.timings.filesReused == 0)
        #expect(rebuilt.diagnostics.contains { $0.message.id == "recordIgnored" })
        _ = try await SiteBuilder(options: options("Clean", fresh: true)).build()
        #expect(site("Output") == site("Clean"))
    }
}
