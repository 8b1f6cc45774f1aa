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
                force: force, dryRun: dryRun, partial: partial),
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
        // A report written with errors is not done: the build would fail on it.
        let writtenWithErrors = outcomes.contains { outcome in
            if case .written = outcome.status { return outcome.diagnostics.hasErrors }
            return false
        }
        if outcomes.contains(where: { $0.status == .failed }) || inputs.isEmpty || writtenWithErrors { throw ExitCode(1) }
    }

    /// A table of every file's result, for folder imports.
    func summary(_ outcomes: [ImportSession.Outcome], language: Language) -> [String] {
        var rows = [Message.importSummaryHeader.text(language).components(separatedBy: "\t")]
        for outcome in outcomes {
            let result: Message
            switch outcome.status {
            case .written(let path): result = .importResultWritten(path: path)
            case .printed: result = .importResultPrinted
            case .failed: result = .importResultFailed(errors: outcome.diagnostics.filter { $0.severity == .error }.count)
            }
            rows.append([outcome.file, outcome.township ?? "?", outcome.year.map(String.init) ?? "?", result.text(language)].map(TextSafety.printable))
        }
        let widths = (0..<4).map { column in rows.map { Self.width($0[column]) }.max() ?? 0 }
        return [""]
            + rows.map { row in
                row.enumerated().map { $0.element + String(repeating: " ", count: widths[$0.offset] - Self.width($0.element)) }.joined(separator: "  ")
            }
    }

    /// Columns a text takes in a terminal: Chinese characters take two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) {
            $0
                + ((0x1100...0x115F).contains($1.value) || (0x2E80...0xA4CF).contains($1.value) || (0xAC00...0xD7A3).contains($1.value)
                    || (0xF900...0xFAFF).contains($1.value) || (0xFE30...0xFE4F).contains($1.value) || (0xFF00...0xFF60).contains($1.value)
                    || (0xFFE0...0xFFE6).contains($1.value) ? 2 : 1)
        }
    }
}
