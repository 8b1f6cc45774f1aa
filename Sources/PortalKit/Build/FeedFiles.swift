/// Writes every feed's RSS and Atom files on all cores; a feed whose reports did not change keeps
/// its files without making them (see `PageRenderer.feedInputs`).
enum FeedFiles {
    static func write(_ feeds: [Feed], portal: Portal, renderer: PageRenderer, writer: OutputWriter, width: Int) async throws(DiagnosticsError)
        -> [OutputWriter.Written]
    {
        let outcomes = await feeds.concurrentMap(width: width) { feed -> Swift.Result<[OutputWriter.Written], DiagnosticsError> in
            let document = FeedDocument(feed: feed, portal: portal)
            let files = [(feed.rssPath, { document.rss }), (feed.atomPath, { document.atom })]
            return Swift.Result { () throws(DiagnosticsError) in
                var written: [OutputWriter.Written] = []
                for (path, text) in files {
                    let inputs = renderer.feedInputs(of: path, items: document.items)
                    if let kept = writer.keep(path, inputs: inputs) {
                        written.append(kept)
                    } else {
                        written.append(try writer.write(text(), to: path, inputs: inputs))
                    }
                }
                return written
            }
        }
        var written: [OutputWriter.Written] = []
        for outcome in outcomes { written += try outcome.get() }
        return written
    }
}
