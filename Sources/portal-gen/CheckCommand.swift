import ArgumentParser
import Foundation
import PortalKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: LanguageOptions.help(.helpCheckAbstract),
        discussion: LanguageOptions.help(.helpCheckDiscussion)
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpContent), valueName: LanguageOptions.help(.valueFolder)))
    var content: String = "Content"

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpFormat), valueName: "text|json"))
    var format: Format = .text

    @OptionGroup var languageOptions: LanguageOptions

    func run() async throws {
        let language = languageOptions.language
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let progress = ProgressLine(.check, language: language)
        let result = await PortalReader(content: URL(fileURLWithPath: content, relativeTo: cwd), displayBase: cwd, progress: progress.counter).read()
        await progress.finish()
        let all = (result.diagnostics + result.findings).sortedForDisplay()
        switch format {
        case .text:
            Console.printOut(all.map { $0.rendered(language) })
            let errors = all.filter { $0.severity == .error }.count
            Console.printError(Message.checkSummary(reports: result.checked, errors: errors, warnings: all.count - errors).text(language))
        case .json:
            Console.printOut([String(decoding: try FindingsJSON.encode(all, language: language), as: UTF8.self)])
        }
        if result.unreadable { throw ExitCode(2) }
        if all.hasErrors { throw ExitCode(1) }
    }
}
