import ArgumentParser
import Foundation
import PortalKit

/// Prints catalog messages in the language of the run: `--lang` when given, else the environment's.
struct MessagePrinter {
    let language: Language

    /// The language for `--lang VALUE`; an unknown name is a usage error (exit status 2).
    init(lang: String?) throws {
        guard let lang else {
            language = Language.fromEnvironment()
            return
        }
        guard let chosen = Language(name: lang) else {
            Console.printError(TextSafety.printable(Message.unknownLanguage(lang).text(Language.fromEnvironment())))
            throw ExitCode(2)
        }
        language = chosen
    }

    /// `--help` is printed before `--lang` is read, so it follows the environment.
    static func help(_ message: Message) -> String { message.text(Language.fromEnvironment()) }

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
