import Foundation
@_exported import PortalTestSupport

/// Runs the real `portal-gen` executable built by SwiftPM.
enum PortalGen {
    static let repositoryRoot = Repository.root

    static let executable: URL = {
        var candidates: [URL] = []
        for path in [CommandLine.arguments.first, Bundle.main.executablePath].compactMap({ $0 }) {
            var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            // macOS runs tests from inside an .xctest bundle.
            while folder.pathExtension == "xctest" || folder.lastPathComponent == "MacOS" || folder.lastPathComponent == "Contents" {
                folder.deleteLastPathComponent()
            }
            candidates.append(folder.appendingPathComponent("portal-gen"))
        }
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/portal-gen"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A run still going after this long is killed (a hang guard, not a speed claim: machines here
    /// are shared and may be several times slower than usual).
    static let hangGuard: TimeInterval = 600

    /// Runs portal-gen with `arguments` in `directory`, with extra environment variables.
    /// With `shell`, `arguments` go to /bin/bash instead (for tests that set limits first).
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:], shell: Bool = false) throws -> Outcome {
        let process = Process()
        process.executableURL = shell ? URL(fileURLWithPath: "/bin/bash") : executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Files rather than pipes: a full pipe buffer can never block the child.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-gen-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out")
        let errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let guardTimer = DispatchWorkItem { [process] in if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + hangGuard, execute: guardTimer)
        process.waitUntilExit()
        guardTimer.cancel()
        try out.close()
        try err.close()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// A temporary portal folder (`Content/` is written by each test); builds use the default theme by path.
typealias Workspace = TemporaryFolder

extension TemporaryFolder {
    func build(
        _ extra: [String] = [], content: String = "Content", output: String = "Output",
        environment: [String: String] = [:]
    ) throws -> PortalGen.Outcome {
        try PortalGen.run(
            [
                "build", "--content", content, "--output", output,
                "--theme", PortalGen.repositoryRoot.appendingPathComponent("Themes/default").path,
            ] + extra,
            in: url, environment: environment)
    }
}

/// `href` and `src` attribute values in an HTML page (double-quoted, as the theme and cmark write them).
func links(in html: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: #"\s(?:href|src)="([^"]*)""#)
    let range = NSRange(html.startIndex..., in: html)
    return regex.matches(in: html, range: range).map { String(html[Range($0.range(at: 1), in: html)!]) }
        .map { $0.replacingOccurrences(of: "&amp;", with: "&") }
}
