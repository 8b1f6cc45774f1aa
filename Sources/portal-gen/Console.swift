import Foundation
import PortalKit

/// Writes messages: diagnostics and notes to standard error, where they do not mix with the
/// command's output, results to standard output.
enum Console {
    static func print(_ diagnostics: [Diagnostic], in language: Language, sorted: Bool = true) {
        let lines = (sorted ? diagnostics.sortedForDisplay() : diagnostics).map { $0.rendered(language) }
        guard !lines.isEmpty else { return }
        printError(lines.joined(separator: "\n"))
    }

    /// Writes lines to standard output at once, so they never interleave with standard error.
    static func printOut(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        // A standard output that cannot be written (a full disk, /dev/full) must not crash the build.
        try? FileHandle.standardOutput.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    static func printError(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Whether standard error is a terminal, where a progress line can be drawn and redrawn.
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
