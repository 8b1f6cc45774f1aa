import Foundation

/// What the last successful build was made from and what it wrote, kept in the output folder so
/// the next build can skip work and leave unchanged files untouched.
///
/// Any doubt (another portal-gen version, a manifest that cannot be read) means a full rebuild.
public struct BuildManifest: Codable, Sendable, Equatable {
    public static let fileName = ".portal-gen-manifest.json"

    /// Fingerprint of everything a build reads: portal-gen's version, the options that change
    /// the output, the settings, every theme file and every content file (path, size, modification time).
    public var inputs: String
    /// Output path → fingerprint of the bytes written there.
    public var outputs: [String: String]
    /// Warnings of that build, printed again when nothing changed.
    public var warnings: [Diagnostic]
    public var reports: Int
    public var pages: Int
    /// Output path → fingerprint of what a report's page or data file is made from; when it is
    /// unchanged the file is kept without rendering it again.
    public var pageInputs: [String: String] = [:]

    public init(inputs: String, outputs: [String: String], warnings: [Diagnostic], reports: Int, pages: Int, pageInputs: [String: String]) {
        self.inputs = inputs
        self.outputs = outputs
        self.warnings = warnings
        self.reports = reports
        self.pages = pages
        self.pageInputs = pageInputs
    }

    public static func load(from output: URL) -> BuildManifest? {
        guard let data = try? Data(contentsOf: output.appendingPathComponent(fileName)) else { return nil }
        return try? JSONDecoder().decode(BuildManifest.self, from: data)
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// The fingerprint of a build's inputs, from file metadata and small files only, so that
    /// finding out that nothing changed costs a directory walk, not a build.
    public static func fingerprint(version: String, options: String, settings: URL, theme: URL, contentStamps: [String]) -> String {
        ContentHash.of(([siteFingerprint(version: version, options: options, settings: settings, theme: theme)] + contentStamps).joined(separator: "\n"))
    }

    /// Fingerprint of what every page depends on: portal-gen, the options, the settings and the theme.
    public static func siteFingerprint(version: String, options: String, settings: URL, theme: URL) -> String {
        var parts = ["portal-gen \(version)", options]
        parts.append("settings " + ((try? Data(contentsOf: settings)).map(ContentHash.of) ?? "missing"))
        for file in Theme.files(under: theme) {
            parts.append("theme \(file.path) " + ((try? Data(contentsOf: file)).map(ContentHash.of) ?? "unreadable"))
        }
        return ContentHash.of(parts.joined(separator: "\n"))
    }
}
