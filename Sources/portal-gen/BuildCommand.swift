import ArgumentParser
import Foundation
import PortalKit

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: LanguageOptions.help(.helpBuildAbstract),
        discussion: LanguageOptions.help(.helpBuildDiscussion)
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpClean)))
    var clean = false

    @Flag(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpAtomic)))
    var atomic = false

    @Option(
        name: .long, help: ArgumentHelp(LanguageOptions.help(.helpFault), visibility: .private))
    var fault: String?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpTimings), valueName: LanguageOptions.help(.valueFile)))
    var timings: String?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpOffice), valueName: LanguageOptions.help(.valueFolder)))
    var office: String?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpToday), visibility: .private))
    var today: String?

    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        let language = languageOptions.language
        if let fault, FaultPlan(fault) == nil { throw ValidationError(Message.faultInvalid.text(language)) }
        if let today, CalendarDate(iso: today) == nil {
            throw ValidationError(Message.optionDateInvalid(option: "--today", text: today, suggestion: CalendarDate(written: today)?.iso).text(language))
        }
    }

    func run() async throws {
        Allocator.fixMmapThreshold()
        let language = languageOptions.language
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var options = site.builderOptions(fresh: clean)
        options.skipsTeardown = true
        options.atomic = atomic
        options.faults = fault.flatMap(FaultPlan.init)
        options.office = office.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
        if let day = today.flatMap(CalendarDate.init(iso:)) { options.today = day }
        let progress = ProgressLine(.build, language: language)
        options.progress = progress.counter
        let builder = SiteBuilder(options: options)
        let result: SiteBuilder.Result
        do {
            result = try await builder.build()
        } catch {
            await progress.finish()
            Console.print(error.diagnostics, in: language)
            Console.printError(Message.buildFailed(errors: error.diagnostics.filter { $0.severity == .error }.count).text(language))
            throw ExitCode(1)
        }
        await progress.finish()
        Console.print(result.diagnostics, in: language)
        if let timings {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(result.timings).write(to: URL(fileURLWithPath: timings, relativeTo: cwd))
        }
        let seconds = String(format: "%.2f", result.seconds)
        let summary: Message =
            result.unchanged
            ? .buildUnchanged(reports: result.reports, pages: result.pages, output: site.output, seconds: seconds)
            : .buildDone(
                reports: result.reports, pages: result.pages, written: result.files, unchanged: result.timings.filesUnchanged, output: site.output,
                seconds: seconds)
        Console.printOut([summary.text(language)])
    }
}
