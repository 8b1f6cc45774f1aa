import ArgumentParser
import Foundation
import PortalKit

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn reports as townships deliver them (.docx, saved .html pages, copied .txt) into content files.",
        discussion: """
            Reads each file (or every .docx/.html/.htm/.txt/.md file in a folder), finds the township and \
            year in the title, reads the statistics tables by their row labels and writes \
            <content>/reports/<year>/<slug>.md, then checks it with the same rules as `portal-gen check`. \
            Numbers are never changed to make the arithmetic work. Anything the importer is unsure of is \
            listed with its line, and nothing is written for that file unless --partial is given. \
            Text files may be UTF-8, UTF-16 (with a byte-order mark) or GB18030/GBK.
            """
    )

    @Argument(help: ArgumentHelp("Report files or folders to import.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The content folder (portal.yml and the reports).", valueName: "dir"))
    var content: String = "Content"

    @Option(name: .long, help: ArgumentHelp("The township (a name in portal.yml), instead of the one in the title.", valueName: "name"))
    var township: String?

    @Option(name: .long, help: ArgumentHelp("The reporting year, instead of the one in the title.", valueName: "year"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("The publication date (发布日期) as YYYY-MM-DD, when the file does not carry it.", valueName: "date"))
    var published: String?

    @Option(name: .long, help: ArgumentHelp("The 索引号, when the file does not carry it.", valueName: "number"))
    var indexNumber: String?

    @Flag(name: .long, help: "Replace a report that already exists in the content folder.")
    var force = false

    @Flag(name: .long, help: "Print the content file instead of writing it.")
    var dryRun = false

    @Flag(name: .long, help: "Write the file even when some cells cannot be read: they are left blank and listed.")
    var partial = false

    func validate() throws {
        if let published, CalendarDate(iso: published) == nil {
            throw ValidationError("--published must be a real date written YYYY-MM-DD, e.g. --published 2025-01-20")
        }
        if let year, !(2008...9999).contains(year) {
            throw ValidationError("--year must be a reporting year such as 2024")
        }
    }

    func run() async throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let contentURL = URL(fileURLWithPath: content, relativeTo: cwd).standardizedFileURL
        let loader = ContentLoader(root: contentURL, displayBase: cwd)
        let settings = contentURL.appendingPathComponent(ContentLoader.settingsFile)
        var diagnostics: [Diagnostic] = []
        let config: PortalConfig?
        do {
            config = PortalConfigLoader.parse(try SourceText.read(settings, displayPath: loader.displayPath(settings)), diagnostics: &diagnostics)
        } catch {
            Console.print(error.diagnostics)
            Console.printError("Import needs the portal's settings: create \(loader.displayPath(settings)) or pass --content DIR.")
            throw ExitCode(2)
        }
        guard let config else {
            Console.print(diagnostics)
            throw ExitCode(1)
        }
        let (inputs, missing) = ImportSession.expand(files.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL })
        for file in missing { Console.printError("error: `\(loader.displayPath(file))` does not exist") }
        if !missing.isEmpty { throw ExitCode(2) }
        let session = ImportSession(
            content: contentURL, config: config,
            options: .init(
                overrides: .init(township: township, year: year, published: published.flatMap(CalendarDate.init(iso:)), indexNumber: indexNumber),
                force: force, dryRun: dryRun, partial: partial),
            displayPath: { loader.displayPath($0) })
        var outcomes: [ImportSession.Outcome] = []
        for file in inputs {
            let outcome = await session.run(file)
            outcomes.append(outcome)
            if case .printed = outcome.status, let text = outcome.text { Console.printOut([text]) }
            Console.print(outcome.diagnostics, sorted: false)
            if case .written(let path) = outcome.status {
                Console.printOut(["Wrote \(TextSafety.printable(path))"])
                let errors = outcome.diagnostics.filter { $0.severity == .error }.count
                if errors > 0 {
                    Console.printError("error: 已写入 `\(TextSafety.printable(path))`，但它有 \(errors) 个错误（见上）；请按提示修改该文件，再运行 portal-gen check 确认")
                }
            }
        }
        if files.count > 1 || inputs.count > 1 || files.contains(where: { URL(fileURLWithPath: $0, relativeTo: cwd).hasDirectoryPath }) {
            Console.printOut(summary(outcomes))
        }
        if inputs.isEmpty { Console.printError("No .docx, .html, .htm, .txt or .md files were found.") }
        // A report written with errors is not done: the build would fail on it.
        let writtenWithErrors = outcomes.contains { outcome in
            if case .written = outcome.status { return outcome.diagnostics.hasErrors }
            return false
        }
        if outcomes.contains(where: { $0.status == .failed }) || inputs.isEmpty || writtenWithErrors { throw ExitCode(1) }
    }

    /// A table of every file's result, for folder imports.
    func summary(_ outcomes: [ImportSession.Outcome]) -> [String] {
        var rows = [["file", "township", "year", "result"]]
        for outcome in outcomes {
            let result: String
            switch outcome.status {
            case .written(let path): result = "written \(path)"
            case .printed: result = "printed (dry run)"
            case .failed: result = "FAILED: \(outcome.diagnostics.filter { $0.severity == .error }.count) error(s)"
            }
            rows.append([outcome.file, outcome.township ?? "?", outcome.year.map(String.init) ?? "?", result])
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return [""]
            + rows.map { row in row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ") }
    }
}
