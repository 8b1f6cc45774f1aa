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
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
