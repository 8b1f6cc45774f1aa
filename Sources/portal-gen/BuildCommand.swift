import ArgumentParser
import Foundation
import PortalKit

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from the content folder into the output folder.",
        discussion: """
            Reads portal.yml and every .md report under the content folder, checks them, renders every \
            page with the theme and replaces the output folder only when everything succeeded: on any \
            error the previous site is left exactly as it was. Problems are printed as \
            path:line:column: error: message. Exit status is 0 on success and 1 on any error.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The content folder (portal.yml and the reports).", valueName: "dir"))
    var content: String = "Content"

    @Option(
        name: .long,
        help: ArgumentHelp("A theme name under Themes/, or a theme folder. Default: the `theme` setting in portal.yml, else `default`.", valueName: "name|dir"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("The folder the site is written to; only files that changed are replaced.", valueName: "dir"))
    var output: String = "Output"

    @Flag(name: .long, help: "Fail the build on arithmetic findings in the statistics tables (normally warnings: a published report is shown as published).")
    var strict = false

    @Flag(name: .long, help: "Ignore the previous build: parse every report and write every file again (after editing files in the output folder by hand).")
    var clean = false

    @Flag(name: .long, help: "每次构建都整体替换输出文件夹（未改动的文件以硬链接共享），使直接读取该文件夹的网站服务器在构建过程中绝不会看到新旧两次构建混在一起。")
    var atomic = false

    @Option(
        name: .long, help: ArgumentHelp("For tests only: fail or die at a point of writing the site (stage|commit:N:kill|enospc|eio).", visibility: .private))
    var fault: String?

    @Option(name: .long, help: ArgumentHelp("How many pages are rendered at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Write where the build's time went, as JSON, to this file (for benchmarks).", valueName: "file"))
    var timings: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let fault, FaultPlan(fault) == nil { throw ValidationError("--fault: expected stage|commit:N:kill|enospc|eio") }
    }

    func run() async throws {
        Allocator.fixMmapThreshold()
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
        let builder = SiteBuilder(options: options)
        let result: SiteBuilder.Result
        do {
            result = try await builder.build()
        } catch {
            Console.print(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            Console.printError("构建失败，共 \(errors) 个错误（见上）。")
            throw ExitCode(1)
        }
        Console.print(result.diagnostics)
        if let timings {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(result.timings).write(to: URL(fileURLWithPath: timings, relativeTo: cwd))
        }
        if result.unchanged {
            print(
                "Nothing changed since the last build: \(result.reports) reports, \(result.pages) pages in \(output) left as they were (\(String(format: "%.2f", result.seconds)) s)"
            )
        } else {
            print(
                "Built \(result.reports) reports: \(result.pages) pages, \(result.files) file\(result.files == 1 ? "" : "s") written (\(result.timings.filesUnchanged) unchanged) to \(output) in \(String(format: "%.2f", result.seconds)) s"
            )
        }
    }
}
