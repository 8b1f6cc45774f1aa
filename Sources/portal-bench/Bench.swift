import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal-bench",
        abstract: "Benchmarks portal-gen on a synthetic portal and prints the figures.",
        subcommands: [Generate.self, Run.self, Serve.self, ImportBench.self, SearchBench.self],
        defaultSubcommand: Run.self
    )
}

struct Size: ParsableArguments {
    @Option(help: "Number of reports.") var reports = 10_000
    @Option(help: "Number of townships (default: reports / years, rounded up).") var townships: Int?
    @Option(help: "Number of years.") var years = 10

    var portal: SyntheticPortal {
        SyntheticPortal(reports: reports, townships: townships ?? (reports + years - 1) / years, years: years)
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a synthetic portal's content folder.")
    @OptionGroup var size: Size
    @Option(help: "The content folder to write (replaced).") var output = "bench/Content"

    func run() throws {
        try size.portal.write(to: URL(fileURLWithPath: output))
        print("Wrote \(size.reports) reports to \(output)")
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a portal, then time a cold build, a no-change rebuild, a one-report edit and a template edit.")
    @OptionGroup var size: Size
    @Option(help: "Working folder (replaced).") var work = ".bench"
    @Option(help: "The portal-gen executable (build it with -c release).") var portalGen = ".build/release/portal-gen"
    @Option(help: "The theme to copy into the working folder.") var theme = "Themes/default"
    @Option(help: "Pages rendered at once (default: all cores).") var jobs: Int?

    func run() throws {
        let fm = FileManager.default
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        try? fm.removeItem(at: workURL)
        try fm.createDirectory(at: workURL.appendingPathComponent("Themes"), withIntermediateDirectories: true)
        let generateStart = Date()
        try size.portal.write(to: workURL.appendingPathComponent("Content"))
        try fm.copyItem(at: URL(fileURLWithPath: theme), to: workURL.appendingPathComponent("Themes/default"))
        let executable = URL(fileURLWithPath: portalGen).standardizedFileURL.path
        print(
            "portal-bench: \(size.reports) reports, \(size.portal.townships) townships, \(size.years) years; generated in \(String(format: "%.1f", Date().timeIntervalSince(generateStart))) s; \(ProcessInfo.processInfo.activeProcessorCount) cores"
        )
        print("")
        print("scenario            wall s  reports/s  peak MB  written  load+parse  check  markdown  templates  write   cmark share")

        func scenario(_ name: String, prepare: () throws -> Void) throws {
            try prepare()
            let timings = workURL.appendingPathComponent("timings-\(name).json")
            var arguments = ["build", "--content", "Content", "--output", "Output", "--timings", timings.path]
            if let jobs { arguments += ["--jobs", "\(jobs)"] }
            let result = try spawn(executable, arguments, in: workURL.path)
            guard result.status == 0 else { throw ValidationError("portal-gen failed in \(name) (status \(result.status))") }
            let t = try JSONSerialization.jsonObject(with: Data(contentsOf: timings)) as? [String: Any] ?? [:]
            func s(_ key: String) -> String { String(format: "%.3f", (t[key] as? Double) ?? 0) }
            let markdown = (t["markdownCPU"] as? Double) ?? 0
            let total = (t["totalCPU"] as? Double) ?? 1
            print(
                name.padding(toLength: 18, withPad: " ", startingAt: 0),
                String(format: "%7.3f  %9.0f  %7.0f  %7d", result.wall, Double(size.reports) / result.wall, result.peakMB, (t["filesWritten"] as? Int) ?? -1),
                s("loadWall").leftPad(10), s("checkWall").leftPad(6), s("markdownCPU").leftPad(9), s("templatesCPU").leftPad(10), s("writeCPU").leftPad(6),
                String(format: "%10.1f%%", total > 0 ? markdown / total * 100 : 0))
        }

        try scenario("cold build") { try? fm.removeItem(at: workURL.appendingPathComponent("Output")) }
        try scenario("no change") {}
        try scenario("edit one report") {
            let reports = workURL.appendingPathComponent("Content/reports")
            let year = try fm.contentsOfDirectory(atPath: reports.path).sorted().last!
            let file = reports.appendingPathComponent(year).appendingPathComponent(
                try fm.contentsOfDirectory(atPath: reports.appendingPathComponent(year).path).sorted().first!)
            let handle = try FileHandle(forWritingTo: file)
            handle.seekToEndOfFile()
            handle.write(Data("\n本段为基准测试修改。\n".utf8))
            try handle.close()
        }
        try scenario("edit one template") {
            let template = workURL.appendingPathComponent("Themes/default/templates/township.mustache")
            let text = try String(contentsOf: template, encoding: .utf8)
            try Data((text + "\n").utf8).write(to: template)
        }
        print("")
        print(
            "wall = elapsed time of the whole command; stage columns: load+parse and check are wall seconds, markdown/templates/write are CPU seconds summed over all cores; cmark share = cmark's CPU time / total CPU time of the build."
        )
    }
}

/// Runs a command and returns its exit status, wall time and peak resident memory (of the child).
func spawn(_ path: String, _ arguments: [String], in directory: String) throws -> (status: Int32, wall: Double, peakMB: Double) {
    let start = Date()
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    let previous = FileManager.default.currentDirectoryPath
    _ = FileManager.default.changeCurrentDirectoryPath(directory)
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
    _ = FileManager.default.changeCurrentDirectoryPath(previous)
    guard spawned == 0 else { throw ValidationError("cannot run \(path): error \(spawned)") }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    return ((status >> 8) & 0xFF, Date().timeIntervalSince(start), Double(usage.ru_maxrss) / 1024)
}

extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
