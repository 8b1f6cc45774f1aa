extension Message {
    /// The message in English, for developers and CI logs read abroad.
    var english: String {
        switch self {
        case .unconverted(let words): return words
        // MARK: - Preview (serve)
        case .previewAddress(let url): return "Preview at \(url) (press Ctrl-C to stop)"
        case .previewNetworkAddresses(let urls):
            return "Phones and computers on the same network can open: " + urls.joined(separator: "  ")
        case .previewNoNetworkAddress: return "This machine has no network address (not connected?): the preview opens on this machine only"
        case .previewWatching(let folders):
            return "Watching " + folders.joined(separator: ", ") + " for changes: saving a file rebuilds the site and reloads the browser"
        case .previewCannotWatch(let reason):
            return "Cannot watch the files for changes (\(reason)): the preview still works, but run portal-gen serve again after editing"
        case .previewBuilt(let reports, let pages, let written, let unchanged, let output, let seconds):
            return "Built \(reports) reports: \(pages) pages, \(written) files written (\(unchanged) unchanged) to \(output) in \(seconds.twoDecimals) s"
        case .previewUpToDate(let reports, let pages, let output, let seconds):
            return "Nothing changed since the last build: \(reports) reports, \(pages) pages in \(output) left as they were (\(seconds.twoDecimals) s)"
        case .previewRebuilt(let changed, let written, let seconds):
            return "Rebuilt after \(changed.isEmpty ? "a change" : changed.joined(separator: ", ")): \(written) files written in \(seconds.twoDecimals) s"
        case .previewBuildFailed(let errors):
            return
                "The build failed with \(errors) errors (see above; the browser shows them too): fix them and save to rebuild; until then the preview shows the last site that built"
        case .previewPortInUse(let host, let port):
            return "Port \(port) is in use by another program (\(host)): choose another, e.g. portal-gen serve --port \(port == 65535 ? 8001 : port + 1)"
        case .previewCannotListen(let host, let port, let reason): return "Cannot start the preview on \(host):\(port) (\(reason))"
        case .previewStopped: return "Preview stopped."
        case .previewOverlayTitle(let errors): return "The build failed: \(errors) errors"
        case .previewOverlayHint: return "Fix the problems listed above and save: this page reloads by itself. Below is the page of the last successful build."
        case .previewNoSiteTitle: return "The site has not been built yet"
        case .serveAbstract: return "Build the site and preview it on this machine, rebuilding and reloading the browser on every change."
        case .serveDiscussion:
            return """
                Builds the site into the output folder exactly as portal-gen build does (same options: what is \
                previewed is what is deployed), then serves it at http://127.0.0.1:8000/. Saving a file in the content \
                folder, portal.yml or the theme rebuilds what changed, and open pages reload (a stylesheet change swaps \
                the styles in place). Build errors are listed in the terminal and the browser with file, line and column, \
                and go away once fixed. --lan lets a phone on the same network look at it. Ctrl-C stops it.
                """
        case .serveHelpContent: return "The content folder (portal.yml and the reports)."
        case .serveHelpTheme: return "A theme name under Themes/, or a theme folder. Default: the `theme` setting in portal.yml, else `default`."
        case .serveHelpOutput: return "The folder the site is written to (as portal-gen build writes it)."
        case .serveHelpStrict: return "Make arithmetic findings in the statistics tables errors (normally warnings)."
        case .serveHelpPort: return "The port to serve on; 0 picks a free one (the address printed shows it)."
        case .serveHelpLAN: return "Let phones and computers on the same network open the preview (listen on 0.0.0.0) and print their addresses."
        case .serveHelpLanguage: return "The language of messages: zh (Chinese, the default) or en (English)."
        case .serveHelpJobs: return "How many pages are rendered at once (default: the number of cores)."
        case .serveUnknownLanguage(let name): return "--lang takes zh or en, not `\(name)`"
        case .servePortOutOfRange(let port): return "--port must be between 0 and 65535, not \(port); e.g. --port 8000"
        case .serveJobsTooFew: return "--jobs must be at least 1"

        // MARK: - Scaffold (init, new)
        }
    }
}
