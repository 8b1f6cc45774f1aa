import ArgumentParser
import Foundation
import PortalKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and every statistics rule without writing anything.",
        discussion: """
            Prints each finding as path:line:column: error|warning: [rule-id] message, with the numbers \
            involved, at the line of the offending row. Rules: T3-1 T3-2 T3-3 T3-4 T4-1 T2-1 X-1 (errors), \
            X-2 N-1 BLANK (warnings); see docs/statistics.md. Exit status: 0 when there are no errors, 1 when \
            there are, 2 for usage errors or unreadable input.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: ArgumentHelp("The content folder (portal.yml and the reports).", valueName: "dir"))
    var content: String = "Content"

    @Option(name: .long, help: "Output format: text (one finding per line) or json (an array of findings).")
    var format: Format = .text

    func run() async throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let result = await PortalReader(content: URL(fileURLWithPath: content, relativeTo: cwd), displayBase: cwd).read()
        let all = (result.diagnostics + result.findings).sortedForDisplay()
        switch format {
        case .text:
            Console.printOut(all.map(\.description))
            let errors = all.filter { $0.severity == .error }.count
            let warnings = all.count - errors
            Console.printError("已检查 \(result.checked) 份报告：\(errors) 个错误，\(warnings) 个警告。")
        case .json:
            Console.printOut([String(decoding: try FindingsJSON.encode(all), as: UTF8.self)])
        }
        if result.unreadable { throw ExitCode(2) }
        if all.hasErrors { throw ExitCode(1) }
    }
}
