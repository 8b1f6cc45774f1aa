import ArgumentParser
import Foundation
import PortalKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查内容和每一条统计规则，不写任何文件。",
        discussion: """
            每个问题一行：“路径:行:列: 错误|警告: [规则编号 规则名称] 说明”，带上涉及的数字，定位到出问题的那一行。\
            规则：T3-1 T3-2 T3-3 T3-4 T4-1 T2-1 X-1（错误），X-2 N-1 BLANK（警告）；详见用户手册。\
            退出状态：没有错误为 0，有错误为 1，用法错误或内容无法读取为 2。
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: ArgumentHelp("内容文件夹（portal.yml 和各份报告所在的文件夹）。", valueName: "文件夹"))
    var content: String = "Content"

    @Option(name: .long, help: "输出格式：text（每个问题一行）或 json（供其他程序读取的数组）。")
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
