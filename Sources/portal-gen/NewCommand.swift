import ArgumentParser
import Foundation
import PortalKit

struct NewCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "new", abstract: LanguageOptions.help(.helpNewAbstract), discussion: LanguageOptions.help(.helpNewDiscussion))
    }

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpNewTownship), valueName: LanguageOptions.help(.valueName)))
    var township: String?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpYear), valueName: LanguageOptions.help(.valueYear)))
    var year: String?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpContent), valueName: LanguageOptions.help(.valueFolder)))
    var content: String?

    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
        let printer = MessagePrinter(language: languageOptions.language)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let contentURL = URL(fileURLWithPath: content ?? "Content", relativeTo: cwd).standardizedFileURL
        let loader = ContentLoader(root: contentURL, displayBase: cwd)
        let settings = contentURL.appendingPathComponent(ContentLoader.settingsFile)
        guard FileManager.default.fileExists(atPath: settings.path) else {
            printer.report([.error(.newNoSettings(settings: loader.displayPath(settings)), at: nil)])
            throw ExitCode(2)
        }
        var diagnostics: [Diagnostic] = []
        let config: PortalConfig?
        do {
            config = PortalConfigLoader.parse(try SourceText.read(settings, displayPath: loader.displayPath(settings)), diagnostics: &diagnostics)
        } catch {
            config = nil
            diagnostics += error.diagnostics
        }
        guard let config else {
            printer.report(diagnostics.sortedForDisplay() + [.error(.newSettingsInvalid(settings: loader.displayPath(settings)), at: nil)])
            throw ExitCode(1)
        }

        let today = CalendarDate.today
        let missing = [township == nil ? ScaffoldOption.township : nil, year == nil ? .year : nil].compactMap { $0 }
        guard let township, let year else {
            printer.report([.error(.newMissingOptions(missing, example: ReportScaffold.example(config: config, year: today.year - 1)), at: nil)])
            throw ExitCode(2)
        }
        guard year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }), let reportYear = Int(year), reportYear >= 2008 else {
            printer.report([.error(.newInvalidYear(year), at: nil)])
            throw ExitCode(2)
        }
        guard reportYear < today.year else {
            printer.report([.error(.newYearNotEnded(year: reportYear, current: today.year), at: nil)])
            throw ExitCode(2)
        }
        let report: ReportScaffold
        do {
            report = try ReportScaffold(config: config, township: township, year: reportYear)
        } catch {
            printer.report(error.diagnostics)
            throw ExitCode(2)
        }
        let path: URL
        do {
            path = try report.write(into: contentURL, displayPath: loader.displayPath)
        } catch {
            printer.report(error.diagnostics)
            throw ExitCode(1)
        }
        let check = content.map { "portal-gen check --content \($0)" } ?? "portal-gen check"
        printer.say(.newWritten(path: loader.displayPath(path), check: check))
    }
}
