import Foundation

/// What the last successful build was made from and what it wrote, kept in the output folder so
/// the next build can skip work and leave unchanged files untouched.
///
/// Any doubt (another portal-gen version, a manifest that cannot be read) means a full rebuild.
public struct BuildManifest: Sendable, Equatable {
    public static let fileName = ".portal-gen-manifest"
    static let header = "portal-gen manifest 2"

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

    /// The manifest in `output`, or nil when there is none or it cannot be read (then everything is rebuilt).
    public static func load(from output: URL) -> BuildManifest? {
        bytes(in: output).flatMap(BuildManifest.init(data:))
    }

    /// The manifest file of `output` as bytes, nil when there is none.
    public static func bytes(in output: URL) -> Data? {
        FileManager.default.contents(atPath: output.appendingPathComponent(fileName).path)
    }

    /// Reads a manifest file's bytes; nil when they are not a manifest.
    public init?(data: Data) {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self.init(text: text)
    }

    /// A line-based text: a few `key value` lines, then one `hash inputs path` line per output file
    /// (`-` when the file's inputs are not tracked). Read on every build, so kept simple to parse.
    /// Handed to `emit` a line at a time: at national scale the manifest has half a million lines.
    public func encode(emit: (_ piece: [UInt8]) -> Void) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let warningsText = String(decoding: (try? encoder.encode(warnings)) ?? Data("[]".utf8), as: UTF8.self)
        var line = Array([Self.header, "inputs \(inputs)", "reports \(reports)", "pages \(pages)", "warnings " + warningsText, ""]
            .joined(separator: "\n").utf8)
        emit(line)
        for path in outputs.keys.sorted() {
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: outputs[path]!.utf8)
            line.append(0x20)
            line.append(contentsOf: (pageInputs[path] ?? "-").utf8)
            line.append(0x20)
            line.append(contentsOf: path.utf8)
            line.append(0x0A)
            emit(line)
        }
    }

    init?(text: String) {
        // Split on bytes, not characters: the manifest has a line per output file (20,000 at
        // 10,000 reports), and grapheme-aware splitting was most of the time of reading it.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), String(first) == Self.header else { return nil }
        func value(_ key: String) -> String? {
            guard let line = lines.popFirst(), let text = String(line), text.hasPrefix(key + " ") else { return nil }
            return String(text.dropFirst(key.count + 1))
        }
        guard let inputs = value("inputs"), let reports = value("reports").flatMap({ Int($0) }), let pages = value("pages").flatMap({ Int($0) }),
              let warningsText = value("warnings"),
              let warnings = try? JSONDecoder().decode([Diagnostic].self, from: Data(warningsText.utf8)) else { return nil }
        var outputs: [String: String] = [:], pageInputs: [String: String] = [:]
        outputs.reserveCapacity(lines.count)
        pageInputs.reserveCapacity(lines.count)
        for line in lines where !line.isEmpty {
            let parts = line.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, !parts[2].isEmpty, let path = String(parts[2]), let hash = String(parts[0]) else { return nil }
            outputs[path] = hash
            if !parts[1].elementsEqual("-".utf8) { pageInputs[path] = String(parts[1]) }
        }
        self.init(inputs: inputs, outputs: outputs, warnings: warnings, reports: reports, pages: pages, pageInputs: pageInputs)
    }

    /// The fingerprint of a build's inputs, from file metadata and small files only, so that
    /// finding out that nothing changed costs a directory walk, not a build.
    public static func fingerprint(version: String, options: String, settings: String, theme: URL, contentStamps: String) -> String {
        var parts = [siteFingerprint(version: version, options: options, settings: settings)]
        for file in Theme.files(under: theme) {
            parts.append("theme \(file.path) " + ((try? Data(contentsOf: file)).map(ContentHash.of) ?? "unreadable"))
        }
        return ContentHash.of((parts + [contentStamps]).joined(separator: "\n"))
    }

    /// Fingerprint of what every output file depends on: portal-gen, the options and the settings.
    /// Pages add the fingerprint of the templates they use (`Theme.templateInputs`).
    /// `settings` is the fingerprint of the settings file's bytes as they were read and parsed
    /// (`ContentLoader.Snapshot.settingsHash`), so an edit during the build cannot be recorded as built.
    public static func siteFingerprint(version: String, options: String, settings: String) -> String {
        ContentHash.of(["portal-gen \(version) \(PortalKit.buildIdentity)", options, "settings " + settings].joined(separator: "\n"))
    }
}
