import ArgumentParser
import Foundation
import PortalKit

@main
struct PortalGen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal-gen",
        abstract: LanguageOptions.help(.helpRootAbstract),
        discussion: LanguageOptions.help(.helpRootDiscussion),
        version: PortalKit.version,
        subcommands: [InitCommand.self, NewCommand.self, ImportCommand.self, CheckCommand.self, ServeCommand.self, BuildCommand.self]
    )

    /// Runs the command. Usage errors exit with status 2 (like unreadable input), not
    /// ArgumentParser's 64; help and the parser's errors are shown in the user's language; a
    /// mistyped command is answered with the one meant.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let language = prescannedLanguage(arguments)
        if let first = arguments.first, let message = unknownCommand(first) {
            Console.printError(message.text(language))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            var text = fullMessage(for: error)
            // Completion scripts and the version are printed as they are.
            if language == .chinese, text.contains("USAGE:") || text.hasPrefix("Error:") { text = HelpWords.chinese(text) }
            if code == .success {
                if !text.isEmpty { Console.printOut([text]) }
                Foundation.exit(0)
            }
            if !text.isEmpty { Console.printError(text) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    /// The language asked for by `--lang` anywhere on the command line, else by the environment:
    /// help and usage errors are written before any command has parsed its options.
    static func prescannedLanguage(_ arguments: [String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang="), let language = Language(name: String(argument.dropFirst(7))) { return language }
            if argument == "--lang", index + 1 < arguments.count, let language = Language(name: arguments[index + 1]) { return language }
        }
        return .fromEnvironment()
    }

    /// The message for a first word that is not a command (`biuld`), nil when it is one or an option.
    static func unknownCommand(_ word: String) -> Message? {
        guard !word.hasPrefix("-") else { return nil }
        let commands = configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"]
        guard !commands.contains(word) else { return nil }
        return .commandUnknown(given: word, suggestion: Suggestion.closest(to: word, in: commands), commands: commands.filter { $0 != "help" })
    }
}
