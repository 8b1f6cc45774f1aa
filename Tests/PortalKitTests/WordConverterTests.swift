import Foundation
import Testing

@testable import PortalKit

/// The time limit of a conversion, with a stand-in for LibreOffice that never finishes and starts
/// a child of its own (as `soffice` starts `soffice.bin`) holding its output open.
@Suite struct WordConverterTests {
    @Test func aConversionPastTheTimeLimitIsStoppedWithEverythingItStarted() throws {
        let folder = try TemporaryFolder()
        let marker = folder.url.appendingPathComponent("child.pid").path
        let program = try folder.write("#!/bin/sh\nsleep 300 &\necho $! > '\(marker)'\nwait\n", to: "soffice")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        let report = try folder.write("{\\rtf1 report}", to: "report.rtf")
        var failure: [Diagnostic] = []
        do {
            _ = try WordConverter.withDocx(of: report, kind: "rtf", displayPath: "report.rtf", program: program.path, timeLimit: .seconds(1)) { _ in
                Issue.record("nothing was converted")
            }
        } catch {
            failure = error.diagnostics
        }
        #expect(failure == [.error(.wordConversionTimedOut(kind: "rtf", seconds: 1), at: SourceLocation(file: "report.rtf", line: 1))])
        // Had the run waited for its child, it would have lasted the child's 300 s (the hang guard
        // catches that); the child being gone now shows the whole group was stopped at the limit.
        let child = try #require(Int32(String(contentsOfFile: marker, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        var stopped = false
        for _ in 0..<50 where !stopped {
            stopped = kill(child, 0) != 0
            if !stopped { usleep(100_000) }
        }
        #expect(stopped, "the child it started is stopped too")
    }

    @Test func whatLibreOfficeSaysIsShortenedToItsOwnWords() {
        #expect(
            WordConverter.said("Warning: failed to launch javaldx - java may not function correctly\nError: source file could not be loaded\n")
                == "Error: source file could not be loaded")
        #expect(WordConverter.said("convert /tmp/a.doc -> /tmp/a.docx using filter : Office Open XML Text\n") == nil)
    }
}
