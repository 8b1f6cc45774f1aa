import Foundation

/// The default theme, compiled into portal-gen (by the EmbedDefaultTheme plugin, from
/// `Themes/default` at build time), so that `portal-gen init` can give a new portal its theme
/// wherever the binary was copied, without the repository beside it.
enum DefaultTheme {
    /// One file of the theme: its path inside the theme folder and its bytes.
    struct File: Sendable, Hashable {
        let path: String
        let bytes: [UInt8]
    }

    /// Every file of the theme, sorted by path.
    static var files: [File] { embeddedFiles }

    /// Writes the theme into `folder` (created when missing); existing files are not replaced.
    /// Returns the paths written.
    @discardableResult
    static func write(into folder: URL) throws -> [String] {
        var written: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard !FileManager.default.fileExists(atPath: url.path) else { continue }
            try Data(file.bytes).write(to: url, options: .withoutOverwriting)
            written.append(file.path)
        }
        return written
    }
}
