import Foundation

/// Where the repository is, found from this source file's location.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let content = root.appendingPathComponent("Content")
    public static let defaultTheme = root.appendingPathComponent("Themes/default")
}

/// A temporary folder, removed when the value is released.
public final class TemporaryFolder {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("portal-gen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    public func write(_ text: String, to path: String) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
}

/// A small valid portal.yml with three townships (西山乡 without a slug, to exercise pinyin).
public let minimalSettings = """
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
      - name: 西山乡
        organ: 测试县西山乡人民政府
    """

/// A report file: its front matter (`extra` lines and `tables` at its end) and `body`.
public func reportText(
    township: String = "花庄镇", year: Int = 2024, published: String = "2025-01-20",
    index: String? = nil, title: String? = nil, extra: String = "", tables: String = tablesYAML(),
    body: String = "## 一、总体情况\n\n正文。\n"
) -> String {
    """
    ---
    title: \(title ?? "测试县\(township)人民政府\(year)年政府信息公开工作年度报告")
    township: \(township)
    year: \(year)
    published: \(published)
    index_number: \(index ?? "\(township)/\(year)-00001")
    \(extra)\(tables)---

    \(body)
    """
}

/// Front-matter lines for all-zero 2021 tables; `rows` replaces rows by key
/// (`"N"` for T3 rows, `"t2.fees"` and `"t4.R"` for the others).
public func tablesYAML(_ rows: [String: String] = [:], format: String? = "2021") -> String {
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

/// Every file under a folder with its bytes, for comparing whole output trees.
public func snapshot(_ folder: URL) -> [String: Data] {
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
