import ArgumentParser
import Foundation
import PortalKit

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "把内容文件夹生成为网站，写入输出文件夹。",
        discussion: """
            读取 portal.yml 和内容文件夹中的每一份 .md 报告，逐项检查，用主题生成每个页面；只有全部成功时才替换输出文件夹，\
            出现任何错误时网站保持上次构建的样子。问题按“路径:行:列: 错误: 说明”的格式列出。\
            退出状态：成功为 0，有错误为 1。
            """
    )

    @Option(name: .long, help: ArgumentHelp("内容文件夹（portal.yml 和各份报告所在的文件夹）。", valueName: "文件夹"))
    var content: String = "Content"

    @Option(
        name: .long,
        help: ArgumentHelp("主题：Themes/ 下的主题名称，或一个主题文件夹。默认用 portal.yml 中的 theme，没有则用 default。", valueName: "名称|文件夹"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("网站写入的文件夹；只替换有变化的文件。", valueName: "文件夹"))
    var output: String = "Output"

    @Flag(name: .long, help: "统计表的勾稽关系有问题时让构建失败（平时只是警告：已发布的报告按原样展示）。")
    var strict = false

    @Flag(name: .long, help: "不用上次构建的结果：重新解析每份报告、重新写入每个文件（手工改动过输出文件夹之后使用）。")
    var clean = false

    @Flag(name: .long, help: "每次构建都整体替换输出文件夹（未改动的文件以硬链接共享），使直接读取该文件夹的网站服务器在构建过程中绝不会看到新旧两次构建混在一起。")
    var atomic = false

    @Option(
        name: .long, help: ArgumentHelp("仅供测试：在写网站的某一步故意失败或中止（stage|commit:N:kill|enospc|eio）。", visibility: .private))
    var fault: String?

    @Option(name: .long, help: ArgumentHelp("同时生成的页面数（默认等于处理器核数）；结果与这个数无关。", valueName: "数量"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("把构建各步骤所用的时间以 JSON 写入这个文件（用于性能测试）。", valueName: "文件"))
    var timings: String?

    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        let language = languageOptions.language
        if let jobs, jobs < 1 { throw ValidationError(Message.jobsTooFew.text(language)) }
        if let fault, FaultPlan(fault) == nil { throw ValidationError(Message.faultInvalid.text(language)) }
    }

    func run() async throws {
        Allocator.fixMmapThreshold()
        let language = languageOptions.language
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var options = SiteBuilder.Options(
            content: URL(fileURLWithPath: content, relativeTo: cwd),
            theme: theme,
            output: URL(fileURLWithPath: output, relativeTo: cwd),
            parallelism: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            strict: strict, fresh: clean)
        options.skipsTeardown = true
        options.atomic = atomic
        options.faults = fault.flatMap(FaultPlan.init)
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
            ? .buildUnchanged(reports: result.reports, pages: result.pages, output: output, seconds: seconds)
            : .buildDone(
                reports: result.reports, pages: result.pages, written: result.files, unchanged: result.timings.filesUnchanged, output: output, seconds: seconds)
        Console.printOut([summary.text(language)])
    }
}
