import ArgumentParser
import Foundation
import PortalKit

struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "init", abstract: LanguageOptions.help(.helpInitAbstract), discussion: LanguageOptions.help(.helpInitDiscussion))
    }

    @Argument(help: ArgumentHelp(LanguageOptions.help(.helpInitFolder), valueName: LanguageOptions.help(.valueFolder)))
    var folder: String?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpCounty), valueName: LanguageOptions.help(.valueName)))
    var county: String?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpHostOrgan), valueName: LanguageOptions.help(.valueOrgan)))
    var hostOrgan: String?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpSiteName), valueName: LanguageOptions.help(.valueName)))
    var siteName: String?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpContact), valueName: LanguageOptions.help(.valueText)))
    var contact: String?

    @Option(name: .customLong("township"), help: ArgumentHelp(LanguageOptions.help(.helpInitTownship), valueName: LanguageOptions.help(.valueName)))
    var townships: [String] = []

    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
        let printer = MessagePrinter(language: languageOptions.language)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let target = URL(fileURLWithPath: folder ?? ".", relativeTo: cwd).standardizedFileURL
        var shown = folder.flatMap { $0.isEmpty ? nil : $0 } ?? "."
        while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
        // Refused before any question is asked.
        if PortalScaffold.hasPortal(target) {
            printer.report([.error(.initPortalExists(settings: PortalScaffold.settingsDisplayPath(in: shown)), at: nil)])
            throw ExitCode(1)
        }
        var scaffold = PortalScaffold(
            county: county, hostOrgan: hostOrgan, siteName: siteName, contact: contact,
            townships: townships.map(PortalScaffold.Township.init(argument:)))
        if !scaffold.missing.isEmpty {
            guard isatty(STDIN_FILENO) != 0 else {
                printer.say(.initMissingOptions(scaffold.missing), toError: true)
                throw ExitCode(2)
            }
            let questions = PortalQuestions(
                language: printer.language, readLine: { Swift.readLine(strippingNewline: true) },
                write: { try? FileHandle.standardOutput.write(contentsOf: Data($0.utf8)) })
            guard let answered = questions.complete(scaffold) else {
                Console.printOut([""])
                printer.say(.initCancelled, toError: true)
                throw ExitCode(1)
            }
            scaffold = answered
        }
        let outcome: PortalScaffold.Outcome
        do {
            outcome = try scaffold.write(into: target, displayPath: shown)
        } catch {
            printer.report(error.diagnostics)
            throw ExitCode(1)
        }
        printer.say(
            .initDone(
                folder: shown, siteName: outcome.siteName, townships: outcome.townships.count, firstTownship: outcome.townships[0],
                year: CalendarDate.today.year - 1, keptTheme: outcome.keptTheme))
    }
}
