import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `portal-gen serve`: builds the site as `build` does, serves the output folder over HTTP and
/// rebuilds on every change to the content, the settings or the theme, reloading open pages.
///
/// The preview builds the normal site into the normal output folder: what is previewed is what
/// is deployed. What only the preview needs (the reload script, the error overlay) is added to
/// HTML responses on their way out.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        public var build: SiteBuilder.Options
        /// `127.0.0.1`, or `0.0.0.0` for `--lan`.
        public var host: String
        /// 0 picks a free port; `Event.listening` tells which.
        public var port: Int
        /// The language of the pages the preview adds (the error overlay).
        public var language: Language

        public init(build: SiteBuilder.Options, host: String, port: Int, language: Language) {
            self.build = build
            self.host = host
            self.port = port
            self.language = language
        }
    }

    /// What the command line shows as it happens.
    public enum Event: Sendable {
        /// A build succeeded (`first`: the build before serving); `changed`: the files that caused it.
        case built(SiteBuilder.Result, changed: [String], first: Bool)
        case failed([Diagnostic])
        /// The server listens on `port`; `addresses`: the machine's network addresses when it listens on all of them (`--lan`).
        case listening(port: Int, addresses: [String])
        case watching([String])
        case cannotWatch(reason: String)
    }

    /// Why the server could not run.
    public enum Failure: Error, Sendable {
        case portInUse
        case cannotListen(reason: String)
    }

    public let options: Options
    private let report: @Sendable (Event) -> Void

    public init(options: Options, report: @escaping @Sendable (Event) -> Void) {
        self.options = options
        self.report = report
    }

    /// Builds, then serves until SIGINT or SIGTERM, which stop it cleanly (a build under way finishes).
    public func run() async throws(Failure) {
        var build = options.build
        // Each build decodes its records for the next one while the preview waits for a save.
        build.memory = BuildMemory()
        let output = build.output.standardizedFileURL.resolvingSymlinksInPath()
        let broadcaster = ReloadBroadcaster()
        var watcher: ContentWatcher?
        do throws(ContentWatcher.Unavailable) {
            let made = try ContentWatcher(excluding: [output])
            try made.watch(build.content)
            watcher = made
        } catch {
            report(.cannotWatch(reason: error.reason))
        }
        var rebuilder = SiteRebuilder(options: build, broadcaster: broadcaster, watcher: watcher, report: report)
        rebuilder.sources = await rebuilder.readSources(previous: nil)
        await rebuilder.build(changed: [], sources: rebuilder.sources, first: true)
        if watcher != nil {
            report(.watching([build.content, rebuilder.sources.theme].compactMap { $0 }.map { display($0) }))
        }

        let quiet = Logger(label: "portal-gen.preview") { _ in SwiftLogNoOpLogHandler() }
        let report = self.report
        let addresses = options.host == "0.0.0.0" ? NetworkAddresses.current() : []
        let application = Application(
            responder: PreviewResponder(root: output.path, broadcaster: broadcaster, language: options.language),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in report(.listening(port: channel.localAddress?.port ?? 0, addresses: addresses)) },
            logger: quiet)
        // The rebuilder comes last: services stop in reverse order, and its stop ends the event
        // streams that the server would wait for.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [application, rebuilder], gracefulShutdownSignals: [.sigterm, .sigint], logger: quiet))
        do {
            try await group.run()
        } catch {
            watcher?.stop()
            if let error = error as? IOError, error.errnoCode == EADDRINUSE { throw .portInUse }
            throw .cannotListen(reason: String(describing: error))
        }
    }

    private func display(_ url: URL) -> String {
        ContentLoader(root: options.build.content, displayBase: options.build.displayBase).displayPath(url)
    }
}
