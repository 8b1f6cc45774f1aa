import ArgumentParser
import PortalKit

/// `--lang`, shared by every command: the language of messages (Chinese unless asked otherwise).
struct LanguageOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Self.help(.helpLanguage), valueName: "zh|en"))
    var lang: String?

    var language: Language {
        lang.flatMap(Language.init(name:)) ?? .fromEnvironment()
    }

    func validate() throws {
        if let lang, Language(name: lang) == nil {
            throw ValidationError(Message.languageInvalid(text: lang).text(.fromEnvironment()))
        }
    }

    /// The language of `--help`, which is written before any option is parsed: `--lang` anywhere
    /// on the command line, else the environment's.
    static let helpLanguage = PortalGen.prescannedLanguage(Array(CommandLine.arguments.dropFirst()))

    /// A help text from the catalog, in the help's language.
    static func help(_ message: Message) -> String { message.text(helpLanguage) }
}
