import ArgumentParser
import Foundation
import PortalKit

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "把乡镇报送的报告（Word .docx、网站上另存的 .html 网页、复制出来的 .txt 文字）转换成内容文件。",
        discussion: """
            逐个读取文件（或文件夹中的每个 .docx/.html/.htm/.txt/.md 文件），从标题中找出乡镇和年度，从标题下方的\
            “索引号：”“发布日期：”“文号：”等行读出这些信息，按行名读出三张统计表，写成 <内容文件夹>/reports/<年度>/<网址名>.md，\
            再按 portal-gen check 的规则检查。绝不为了让合计对上而改动数字；没有把握读准的地方逐条列出（带行号），\
            除非加上 --partial，否则这个文件不写入。文件中没有写明的信息（乡镇、年度、发布日期、索引号）一次列出，用选项补上。\
            文本文件可以是 UTF-8、UTF-16（带字节顺序标记）或 GB18030/GBK 编码。
            """
    )

    @Argument(help: ArgumentHelp("要导入的报告文件或文件夹。", valueName: "文件"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("内容文件夹（portal.yml 和各份报告所在的文件夹）。", valueName: "文件夹"))
    var content: String = "Content"

    @Option(name: .long, help: ArgumentHelp("乡镇（portal.yml 中的名称），代替标题中的乡镇。", valueName: "名称"))
    var township: String?

    @Option(name: .long, help: ArgumentHelp("报告年度，代替标题中的年度。", valueName: "年度"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("发布日期，写成 年-月-日（例如 2025-01-20），文件中没有写明时使用。", valueName: "日期"))
    var published: String?

    @Option(name: .long, help: ArgumentHelp("索引号，文件中没有写明时使用。", valueName: "索引号"))
    var indexNumber: String?

    @Flag(name: .long, help: "替换内容文件夹中已有的同一份报告。")
    var force = false

    @Flag(name: .long, help: "只显示转换结果，不写入文件（试运行）。")
    var dryRun = false

    @Flag(name: .long, help: "有些格子读不出时也写入文件：这些格子留空，并逐条列出。")
    var partial = false

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
                overrides: .init(township: township, year: year, published: published.flatMap(CalendarDate.init(iso:)), indexNumber: indexNumber),
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
