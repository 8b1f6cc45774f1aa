import Foundation
import PortalKit

/// Writes diagnostics to standard error, where they do not mix with the command's output.
enum Console {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.sortedForDisplay() {
            printError(diagnostic.description)
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
