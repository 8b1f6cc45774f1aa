import ArgumentParser
import Foundation
import PortalKit

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: LanguageOptions.help(.helpImportAbstract),
        discussion: LanguageOptions.help(.helpImportDiscussion)
    )

    @Argument(help: ArgumentHelp(LanguageOptions.help(.helpImportFiles), valueName: LanguageOptions.help(.valueFile)))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpContent), valueName: LanguageOptions.help(.valueFolder)))
    var content: String = "Content"

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpImportTownship), valueName: LanguageOptions.help(.valueName)))
    var township: String?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpImportYear), valueName: LanguageOptions.help(.valueYear)))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpImportPublished), valueName: LanguageOptions.help(.valueDate)))
    var published: String?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpImportIndexNumber), valueName: LanguageOptions.help(.valueIndexNumber)))
    var indexNumber: String?

    @Flag(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpForce)))
    var force = false

    @Flag(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpDryRun)))
    var dryRun = false

    @Flag(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpPartial)))
    var partial = false

    @Flag(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpLegacy)))
    var legacy = false

    @Flag(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpImportAttach)))
    var attach = false

    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        let language = languageOptions.language
        if let published, CalendarDate(iso: published) == nil {
            throw ValidationError(
                Message.optionDateInvalid(option: "--published", text: published, suggestion: CalendarDate(written: published)?.iso).text(language))
        }
        if let year, !(2008...9999).contains(year) {
            throw ValidationError(Message.optionYearInvalid.text(language))
        }
    }

    func run() async throws {
        let language = languageOptions.language
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let contentURL = URL(fileURLWithPath: content, relativeTo: cwd).standardizedFileURL
        let loader = ContentLoader(root: contentURL, displayBase: cwd)
        let settings = contentURL.appendingPathComponent(ContentLoader.settingsFile)
        var diagnostics: [Diagnostic] = []
        let config: PortalConfig?
        do {
            config = PortalConfigLoader.parse(try SourceText.read(settings, displayPath: loader.displayPath(settings)), diagnostics: &diagnostics)
        } catch {
            Console.print(error.diagnostics, in: language)
            Console.printError(Message.importNeedsSettings(file: loader.displayPath(settings)).text(language))
            throw ExitCode(2)
        }
        guard let config else {
            Console.print(diagnostics, in: language)
            throw ExitCode(1)
        }
        let (inputs, missing) = ImportSession.expand(files.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL })
        for file in missing { Console.print([.error(.inputMissing(path: loader.displayPath(file)), at: nil)], in: language) }
        if !missing.isEmpty { throw ExitCode(2) }
        let session = ImportSession(
            content: contentURL, config: config,
            options: .init(
                overrides: .init(
                    township: township, year: year, published: published.flatMap(CalendarDate.init(iso:)), indexNumber: indexNumber,
                    legacy: legacy),
                force: force, dryRun: dryRun, partial: partial, attach: attach),
            displayPath: { loader.displayPath($0) })
        var outcomes: [ImportSession.Outcome] = []
        // A progress line only between files, where nothing else is being printed.
        let showsProgress = inputs.count >= 20 && Console.errorIsTerminal
        for (index, file) in inputs.enumerated() {
            if showsProgress {
                Console.printError(Message.progress(step: .importing, done: index, total: inputs.count).text(language))
            }
            let outcome = await session.run(file)
            outcomes.append(outcome)
            if case .printed = outcome.status, let text = outcome.text { Console.printOut([text]) }
            Console.print(outcome.diagnostics, in: language, sorted: false)
            if case .written(let path) = outcome.status {
                Console.printOut([Message.importWrote(path: TextSafety.printable(path)).text(language)])
                if let attachment = outcome.attachment {
                    Console.printOut([Message.importAttached(path: TextSafety.printable(attachment)).text(language)])
                }
                let errors = outcome.diagnostics.filter { $0.severity == .error }.count
                if errors > 0 {
                    Console.print([.error(.importWroteWithErrors(path: path, errors: errors), at: nil)], in: language)
                }
            }
        }
        if files.count > 1 || inputs.count > 1 || files.contains(where: { URL(fileURLWithPath: $0, relativeTo: cwd).hasDirectoryPath }) {
            Console.printOut(summary(outcomes, language: language))
        }
        if inputs.isEmpty { Console.printError(Message.importNoInputs.text(language)) }
        // The offer to keep the originals, once, when a PDF or Word file was imported without it.
        let originals = zip(inputs, outcomes).contains { file, outcome in
            if case .written = outcome.status { return OriginalAttachment.kinds.contains(file.pathExtension.lowercased()) }
            return false
        }
        if !attach, originals { Console.printError(Message.importAttachHint.text(language)) }
        // A report written with errors is not done: the build would fail on it.
        let writtenWithErrors = outcomes.contains { outcome in
            if case .written = outcome.status { return outcome.diagnostics.hasErrors }
            return false
        }
        if outcomes.contains(where: { $0.status == .failed }) || inputs.isEmpty || writtenWithErrors { throw ExitCode(1) }
    }

    /// One line per file (imported exactly, imported partially with its blank cells, or refused
    /// with its first reason) and a line of totals, for several files or a folder. Each file's
    /// diagnostics are printed in full above it.
    func summary(_ outcomes: [ImportSession.Outcome], language: Language) -> [String] {
        var lines = [""]
        var imported = 0
        var partial = 0
        var cells = 0
        var refused = 0
        var withErrors = 0
        for outcome in outcomes {
            let file = TextSafety.printable(outcome.file)
            let errors = outcome.diagnostics.filter { $0.severity == .error }
            let line: Message
            switch outcome.status {
            case .written(let path):
                let path = TextSafety.printable(path)
                if outcome.blankCells > 0 {
                    partial += 1
                    cells += outcome.blankCells
                    line = .importSummaryPartial(file: file, path: path, cells: outcome.blankCells)
                } else {
                    imported += 1
                    line =
                        errors.isEmpty
                        ? .importSummaryImported(file: file, path: path) : .importSummaryImportedWithErrors(file: file, path: path, errors: errors.count)
                }
                if !errors.isEmpty { withErrors += 1 }
            case .printed:
                if outcome.blankCells > 0 {
                    partial += 1
                    cells += outcome.blankCells
                } else {
                    imported += 1
                }
                line = .importSummaryPrinted(file: file, path: outcome.target.map(TextSafety.printable), cells: outcome.blankCells)
            case .failed:
                refused += 1
                // The first error, with its line when that is a line of the file itself (errors
                // about the whole file are at line 1; a Word document's paragraph or table row is
                // shown in full above).
                let first = errors.first
                let lineNumber = first?.location.flatMap { $0.file == outcome.file && $0.line > 1 ? $0.line : nil }
                line = .importSummaryRefused(file: file, line: lineNumber, reason: first?.message ?? .importNothingWritten)
            }
            lines.append(line.text(language))
        }
        lines.append(
            Message.importSummaryTotal(
                files: outcomes.count, imported: imported, partial: partial, cells: cells, refused: refused, withErrors: withErrors, dryRun: dryRun
            ).text(language))
        return lines
    }
}
