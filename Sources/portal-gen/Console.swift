import Foundation
import PortalKit

/// Writes diagnostics to standard error, where they do not mix with the command's output.
enum Console {
    static func print(_ diagnostics: [Diagnostic], sorted: Bool = true) {
        for diagnostic in sorted ? diagnostics.sortedForDisplay() : diagnostics {
            printError(diagnostic.description)
        }
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
}
