import ArgumentParser
import Foundation
import PortalKit

/// Prints catalog messages in the language of the run: `--lang` when given, else the environment's.
struct MessagePrinter {
    let language: Language

    /// A message of one or more lines, each made safe for the terminal, to standard output or error.
    func say(_ message: Message, toError: Bool = false) {
        let lines = message.text(language).split(separator: "\n", omittingEmptySubsequences: false).map { TextSafety.printable(String($0)) }
        if toError {
            lines.forEach(Console.printError)
        } else {
            Console.printOut(lines)
        }
    }

    /// Diagnostics in this language, to standard error, in the order given.
    func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { Console.printError(diagnostic.rendered(language)) }
    }
}
