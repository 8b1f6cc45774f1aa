import Foundation
import ServiceLifecycle

/// Rebuilds the site whenever the content, the settings or the theme change, one build at a
/// time, and tells the open pages. Runs as a service beside the HTTP server, so that on Ctrl-C it
/// stops first (a build under way finishes) and ends the pages' event streams, which would
/// otherwise keep the server from stopping.
struct SiteRebuilder: Service {
    let options: SiteBuilder.Options
    let broadcaster: ReloadBroadcaster
    let watcher: ContentWatcher?
    let report: @Sendable (PreviewServer.Event) -> Void
    /// What the settings named when the server started.
    var sources = Sources(theme: nil, basePath: "/")

    /// The folders a build reads from (the theme's is known from the settings).
    struct Sources: Sendable, Equatable {
        var theme: URL?
        var basePath: String
    }

    func run() async throws {
        if let watcher {
            var sources = self.sources
            let content = options.content.standardizedFileURL.resolvingSymlinksInPath()
            let settings = content.appendingPathComponent(ContentLoader.settingsFile).path
            let changes = watcher.changes()
            await withGracefulShutdownHandler {
                for await batch in changes {
                    let relevant = batch.filter(Self.matters)
                    guard !relevant.isEmpty else { continue }
                    await build(changed: relevant, sources: sources, first: false)
                    if relevant.contains(settings) || relevant.contains(content.path) {
                        sources = await readSources(previous: sources)
                    }
                }
            } onGracefulShutdown: {
                watcher.stop()
            }
        } else {
            try? await gracefulShutdown()
        }
        await broadcaster.close()
    }

    /// Builds once and tells the terminal and the pages what came of it.
    func build(changed: Set<String>, sources: Sources, first: Bool) async {
        let builder = SiteBuilder(options: options)
        do {
            let result = try await builder.build()
            let wasFailing = await broadcaster.failure != nil
            // Nothing the site is made from changed (an editor touched a file): the pages stay.
            if !first, result.unchanged, !wasFailing { return }
            let display = ContentLoader(root: options.content, displayBase: options.displayBase)
            // An editor's temporary file, gone by now, is not worth naming; a deleted report is.
            let named = changed.filter { FileManager.default.fileExists(atPath: $0) || $0.hasSuffix(".md") }
            report(.built(result, changed: named.sorted().map { display.displayPath(URL(fileURLWithPath: $0)) }, first: first))
            await broadcaster.built(stylesheetsOnly: !first && Self.onlyStylesheets(changed, theme: sources.theme))
            options.memory?.remember(options)
        } catch {
            report(.failed(error.diagnostics))
            await broadcaster.failed(error.diagnostics.sortedForDisplay())
        }
    }

    /// The theme folder and base path the settings name now; the previous ones when the settings
    /// cannot be read (the build says why). A theme folder new to the watcher is watched.
    func readSources(previous: Sources?) async -> Sources {
        var sources = previous ?? Sources(theme: nil, basePath: "/")
        let settings = options.content.appendingPathComponent(ContentLoader.settingsFile)
        var diagnostics: [Diagnostic] = []
        if let text = try? SourceText.read(settings, displayPath: settings.path),
            let config = PortalConfigLoader.parse(text, diagnostics: &diagnostics)
        {
            sources.basePath = config.basePath
            let builder = SiteBuilder(options: options)
            sources.theme = try? builder.resolveTheme(options.theme ?? config.theme, display: \.path)
        }
        await broadcaster.setBasePath(sources.basePath)
        if let theme = sources.theme, theme != previous?.theme, let watcher {
            do throws(ContentWatcher.Unavailable) {
                try watcher.watch(theme)
            } catch {
                report(.cannotWatch(reason: error.reason))
            }
        }
        return sources
    }

    /// Whether a changed path can change the site: editors' backup, swap and lock files cannot
    /// (the build never reads a hidden file or one not ending `.md`, but the theme may have any name).
    static func matters(_ path: String) -> Bool {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return !name.hasPrefix(".") && !name.hasSuffix("~") && !name.hasSuffix(".swp") && !name.hasSuffix(".swx") && name != "4913"
    }

    /// Whether every change is to a stylesheet of the theme's assets, which pages can swap in place.
    static func onlyStylesheets(_ changed: Set<String>, theme: URL?) -> Bool {
        guard let theme, !changed.isEmpty else { return false }
        let assets = theme.appendingPathComponent("assets").path + "/"
        return changed.allSatisfy { $0.hasPrefix(assets) && $0.lowercased().hasSuffix(".css") }
    }
}
