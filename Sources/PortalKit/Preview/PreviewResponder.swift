import Hummingbird

/// Answers the preview's requests: the site's files (HTML with the preview's script added), the
/// site's own 404 page for anything else, and the event stream pages follow.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let root: String
    let broadcaster: ReloadBroadcaster
    let language: Language

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .cacheControl: "no-store"])
        }
        let path = request.uri.path
        if path == PreviewInjection.eventsPath {
            let since = request.uri.queryParameters["since"].map(String.init)
            return await events(since: since)
        }
        let state = await broadcaster.state
        let files = SiteFiles(root: root, basePath: state.basePath)
        let page: (status: HTTPResponse.Status, bytes: [UInt8], contentType: String)
        switch files.lookup(path) {
        case .file(let bytes, let contentType):
            page = (.ok, bytes, contentType)
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-store"])
        case .notFound:
            if let notFound = files.notFoundPage() {
                page = (.notFound, notFound, SiteFiles.contentType(of: "404.html"))
            } else if state.failure != nil || files.lookup("/") == .notFound {
                // No site yet (the first build failed): the errors, on every path.
                page = (
                    .serviceUnavailable, PreviewInjection.noSitePage(token: state.token, failure: state.failure, language: language), "text/html; charset=utf-8"
                )
            } else {
                page = (.notFound, Array("404 Not Found\n".utf8), "text/plain; charset=utf-8")
            }
        }
        var bytes = page.bytes
        if page.contentType.hasPrefix("text/html"), page.status != .serviceUnavailable {
            bytes = PreviewInjection.inject(into: bytes, token: state.token, failure: state.failure, language: language)
        }
        var headers: HTTPFields = [.contentType: page.contentType, .cacheControl: "no-store", .contentLength: "\(bytes.count)"]
        headers[HTTPFields.Element.Name("X-Content-Type-Options")!] = "nosniff"
        if request.method == .head { return Response(status: page.status, headers: headers) }
        return Response(status: page.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The server-sent events a page follows, until it goes or the server stops.
    private func events(since: String?) async -> Response {
        let stream = await broadcaster.subscribe(since: since)
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                // `retry`: how soon a page whose stream broke (the server restarting) tries again.
                try await writer.write(ByteBuffer(string: "retry: 500\n: portal-gen\n\n"))
                for await event in stream { try await writer.write(ByteBuffer(string: event.wire)) }
                try await writer.finish(nil)
            })
    }
}
