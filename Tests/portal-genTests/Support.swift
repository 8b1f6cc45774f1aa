import Foundation

/// Runs the real `portal-gen` executable built by SwiftPM.
enum PortalGen {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

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

    /// Runs portal-gen with `arguments` in `directory`, with extra environment variables.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Files rather than pipes: a full pipe buffer can never block the child.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-gen-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// A temporary portal folder: `Content/`, a copy of the default theme is not needed (passed by path).
final class Workspace {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("portal-gen-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ text: String, to path: String) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    func build(_ extra: [String] = [], content: String = "Content", output: String = "Output",
               environment: [String: String] = [:]) throws -> PortalGen.Outcome {
        try PortalGen.run(["build", "--content", content, "--output", output,
                           "--theme", PortalGen.repositoryRoot.appendingPathComponent("Themes/default").path] + extra,
                          in: url, environment: environment)
    }
}

/// Every file under a folder with its bytes, for comparing whole output trees.
func snapshot(_ folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return files }
    for case let url as URL in enumerator {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try? Data(contentsOf: url)
        }
    }
    return files
}

/// `href` and `src` attribute values in an HTML page (double-quoted, as the theme and cmark write them).
func links(in html: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: #"\s(?:href|src)="([^"]*)""#)
    let range = NSRange(html.startIndex..., in: html)
    return regex.matches(in: html, range: range).map { String(html[Range($0.range(at: 1), in: html)!]) }
        .map { $0.replacingOccurrences(of: "&amp;", with: "&") }
}

let smallSettings = """
site_name: 测试县政府信息公开工作年度报告
county: 测试县
host_organ: 测试县人民政府办公室
contact: 电话 0000-0000000
townships:
  - name: 花庄镇
    organ: 测试县花庄镇人民政府
    slug: huazhuang
  - name: 东城镇
    organ: 测试县东城镇人民政府
    slug: dongcheng
"""

func report(township: String = "花庄镇", year: Int = 2024, published: String = "2025-01-20", title: String? = nil,
            extra: String = "", tables: String = tablesYAML(), body: String = "## 一、总体情况\n\n正文。\n") -> String {
    """
    ---
    title: \(title ?? "测试县\(township)\(year)年政府信息公开工作年度报告")
    township: \(township)
    year: \(year)
    published: \(published)
    index_number: \(township)/\(year)
    \(extra)\(tables)---

    \(body)
    """
}

/// Front-matter lines for all-zero 2021 tables; `rows` replaces rows by key (e.g. `["N": "[1, 0, 0, 0, 0, 0, 1]"]`).
func tablesYAML(_ rows: [String: String] = [:], format: String? = "2021") -> String {
    let t3 = ["N", "K", "A", "B"] + (1...8).map { "C\($0)" } + (1...3).map { "D\($0)" } + (1...5).map { "E\($0)" } + ["F1", "F2", "F3", "G", "J"]
    var lines: [String] = []
    if let format { lines.append("format: \(format)") }
    lines.append("t2:")
    for (key, zero) in [("rules", "[0, 0, 0]"), ("normative", "[0, 0, 0]"), ("licensing", "0"), ("penalty", "0"), ("coercion", "0"), ("fees", "0")] {
        lines.append("  \(key): \(rows["t2." + key] ?? zero)")
    }
    lines.append("t3:")
    for key in t3 { lines.append("  \(key): \(rows[key] ?? "[0, 0, 0, 0, 0, 0, 0]")") }
    lines.append("t4:")
    for key in ["R", "S", "P"] { lines.append("  \(key): \(rows["t4." + key] ?? "[0, 0, 0, 0, 0]")") }
    return lines.joined(separator: "\n") + "\n"
}
