import ArgumentParser
import PortalKit

/// `--lang`, shared by every command: the language of messages (Chinese unless asked otherwise).
struct LanguageOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("提示信息的语言：zh（中文，默认）或 en（英文）；不写时看环境变量 PORTAL_GEN_LANG，再看 LC_ALL、LC_MESSAGES、LANG 是否以 en 开头。", valueName: "zh|en"))
    var lang: String?

    var language: Language {
        lang.flatMap(Language.init(name:)) ?? .fromEnvironment()
    }

    func validate() throws {
        if let lang, Language(name: lang) == nil {
            throw ValidationError(Message.languageInvalid(text: lang).text(.fromEnvironment()))
        }
    }
}
