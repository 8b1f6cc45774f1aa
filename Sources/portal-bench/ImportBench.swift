import ArgumentParser
import Foundation

/// Time of `portal-gen import` over a folder of PDFs (the fixture corpus's text PDFs, copied to
/// reach the count), and of one 6-page report on its own: the wall time of the whole command,
/// pdftotext included.
struct ImportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Time portal-gen import --dry-run on a folder of PDFs and on one 6-page PDF.")
    @Option(help: "How many PDFs the folder holds.") var count = 100
    @Option(help: "Working folder (replaced).") var work = ".bench-import"
    @Option(help: "The portal-gen executable (build it with -c release).") var portalGen = ".build/release/portal-gen"
    @Option(help: "The folder of fixture PDFs and its portal.yml.") var fixtures = "Tests/Fixtures/import/pdf"
    @Option(help: "The 6-page PDF timed alone.") var single = "chengguan-2024.chromium.pdf"
    @Option(help: "Runs of the single PDF (the median is reported).") var runs = 5

    func run() throws {
        let fm = FileManager.default
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        let fixturesURL = URL(fileURLWithPath: fixtures).standardizedFileURL
        try? fm.removeItem(at: workURL)
        let inbox = workURL.appendingPathComponent("inbox")
        try fm.createDirectory(at: inbox, withIntermediateDirectories: true)
        try fm.createDirectory(at: workURL.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try fm.copyItem(
            at: fixturesURL.deletingLastPathComponent().appendingPathComponent("portal.yml"), to: workURL.appendingPathComponent("Content/portal.yml"))
        let pdfs = try fm.contentsOfDirectory(atPath: fixturesURL.path).filter { $0.hasSuffix(".pdf") && !$0.contains("scan") }.sorted()
        guard !pdfs.isEmpty else { throw ValidationError("no PDFs in \(fixtures)") }
        var bytes = 0
        for index in 0..<count {
            let name = pdfs[index % pdfs.count]
            let source = fixturesURL.appendingPathComponent(name)
            try fm.copyItem(at: source, to: inbox.appendingPathComponent(String(format: "%03d-", index) + name))
            bytes += (try? source.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        let executable = URL(fileURLWithPath: portalGen).standardizedFileURL
        func time(_ arguments: [String]) throws -> (seconds: Double, status: Int32) {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments + ["--dry-run", "--published", "2025-01-20", "--index-number", "BENCH/1", "--lang", "en"]
            process.currentDirectoryURL = workURL
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let start = Date()
            try process.run()
            process.waitUntilExit()
            return (Date().timeIntervalSince(start), process.terminationStatus)
        }
        let folder = try time(["import", "inbox"])
        var singles: [Double] = []
        for _ in 0..<max(1, runs) {
            singles.append(try time(["import", fixturesURL.appendingPathComponent(single).path]).seconds)
        }
        singles.sort()
        print(
            "import of \(count) PDFs (\(bytes / 1024) KB): \(String(format: "%.2f", folder.seconds)) s, \(String(format: "%.3f", folder.seconds / Double(count))) s per PDF"
        )
        print("import of one 6-page PDF (\(single)): median \(String(format: "%.3f", singles[singles.count / 2])) s of \(singles.count) runs (target ≤ 0.5 s)")
    }
}
