import Foundation

/// The state of the preview that open pages follow: which build they show, and the errors of the
/// last build when it failed. Every change goes to each page's event stream.
///
/// A page carries the token of the build it was served from; a stream opened with an older token
/// (a build finished between the page's load and its stream's start, or the server restarted) is
/// told to reload at once, so no change is ever missed.
actor ReloadBroadcaster {
    enum Event: Sendable, Equatable {
        /// The site changed, or a build failed or recovered: reload the page.
        case reload(token: String)
        /// Only stylesheets changed: swap them in place.
        case stylesheets(token: String)

        /// The event as server-sent events write it.
        var wire: String {
            switch self {
            case .reload(let token): "event: reload\ndata: \(token)\n\n"
            case .stylesheets(let token): "event: stylesheets\ndata: \(token)\n\n"
            }
        }
    }

    /// Different for every run of the server, so that a page of an earlier run reloads.
    private let instance = String(UInt64.random(in: 0...UInt64.max), radix: 36)
    private var generation = 0
    /// The errors of the last build, while it failed.
    private(set) var failure: [Diagnostic]?
    private var subscribers: [UUID: AsyncStream<Event>.Continuation] = [:]
    private var closed = false

    /// The site's `base_path`, where it is served as well as at `/` (see `SiteFiles`).
    var basePath = "/"

    /// What the page being served now shows; its event stream passes it back.
    var token: String { "\(instance)-\(generation)" }

    /// What a response needs, read at once.
    struct State: Sendable {
        var token: String
        var failure: [Diagnostic]?
        var basePath: String
    }

    var state: State { State(token: token, failure: failure, basePath: basePath) }

    func setBasePath(_ path: String) {
        basePath = path
    }

    /// A stream of the events from now on, starting with a reload when `since` is not the current token.
    func subscribe(since: String?) -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(4))
        guard !closed else {
            continuation.finish()
            return stream
        }
        if let since, since != token { continuation.yield(.reload(token: token)) }
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    /// A build succeeded: pages reload (or swap their stylesheets, when only those changed and no error was shown).
    func built(stylesheetsOnly: Bool) {
        let swap = stylesheetsOnly && failure == nil
        failure = nil
        generation += 1
        send(swap ? .stylesheets(token: token) : .reload(token: token))
    }

    /// A build failed: pages reload to show its errors.
    func failed(_ diagnostics: [Diagnostic]) {
        failure = diagnostics
        generation += 1
        send(.reload(token: token))
    }

    /// Ends every stream (the server is stopping), and every stream asked for later.
    func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func send(_ event: Event) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    private func unsubscribe(_ id: UUID) {
        subscribers.removeValue(forKey: id)
    }
}
