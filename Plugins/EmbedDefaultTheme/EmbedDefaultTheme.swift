import Foundation
import PackagePlugin

/// Compiles `Themes/default` into the target that uses this plugin, so that `portal-gen init` can
/// write the default theme wherever the binary was copied, and `Themes/default` stays the one
/// place the theme is edited.
///
/// Every file of the theme is an input of the build command: editing, adding or removing one
/// regenerates the Swift source (SwiftPM evaluates the plugin on every build).
@main
struct EmbedDefaultTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "Themes").appending(path: "default")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDefaultTheme.swift")
        let files = Self.files(under: theme)
        let relative = files.map { String($0.standardizedFileURL.path.dropFirst(theme.standardizedFileURL.path.count + 1)) }
        return [
            .buildCommand(
                displayName: "Embedding Themes/default (\(files.count) files)",
                executable: try context.tool(named: "theme-embedder").url,
                arguments: [output.path, theme.path] + relative,
                inputFiles: files,
                outputFiles: [output])
        ]
    }

    /// The theme's regular files, without hidden files (as the theme loader reads them), sorted.
    static func files(under folder: URL) -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var result: [URL] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            result.append(url)
        }
        return result.sorted { $0.path < $1.path }
    }
}
