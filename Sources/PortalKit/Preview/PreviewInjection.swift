/// What the preview server adds to the HTML pages it serves, and only to those responses: the
/// script that follows the event stream, and the errors of a failed build. The files in the output
/// folder are never changed, so the preview shows exactly what is deployed.
enum PreviewInjection {
    /// Where pages follow the preview; no page of a site can have this path (slugs are ASCII
    /// letters, digits and hyphens).
    static let eventsPath = "/__portal-gen/events"

    /// `html` with the script (and the errors, when the last build failed) put before `</body>`.
    static func inject(into html: [UInt8], token: String, failure: [Diagnostic]?, language: Language) -> [UInt8] {
        var addition = ""
        if let failure { addition += overlay(failure, language: language) }
        addition += script(token: token)
        let position = closingBody(in: html) ?? html.endIndex
        var result = [UInt8]()
        result.reserveCapacity(html.count + addition.utf8.count)
        result.append(contentsOf: html[..<position])
        result.append(contentsOf: addition.utf8)
        result.append(contentsOf: html[position...])
        return result
    }

    /// A page for when no build has succeeded yet: the errors and the script.
    static func noSitePage(token: String, failure: [Diagnostic]?, language: Language) -> [UInt8] {
        let title = HTMLContent.escape(Message.previewNoSiteTitle.text(language))
        let page = """
            <!DOCTYPE html>
            <html lang="\(language == .chinese ? "zh-CN" : "en")">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(title)</title></head>
            <body><h1>\(title)</h1></body>
            </html>

            """
        return inject(into: Array(page.utf8), token: token, failure: failure ?? [], language: language)
    }

    /// The errors as an overlay over the page: each as the terminal prints it (its place in bold),
    /// every character escaped. Warnings stay in the terminal: they do not stop the build.
    static func overlay(_ diagnostics: [Diagnostic], language: Language) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        var items = ""
        for diagnostic in errors.sortedForDisplay() {
            var location = ""
            if let place = diagnostic.location {
                location = "<strong>\(HTMLContent.escape(TextSafety.printable("\(place.file):\(place.line):\(place.column)")))</strong> "
            }
            var unplaced = diagnostic
            unplaced.location = nil
            items += "<li>\(location)\(HTMLContent.escape(unplaced.rendered(language)))</li>\n"
        }
        return """
            <div id="portal-gen-errors" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;\
            background:#fff;color:#1a1a1a;font:16px/1.6 system-ui,sans-serif;padding:1.5em;border-top:.4em solid #b3261e">
            <h1 style="color:#b3261e;font-size:1.4em;margin:0 0 .6em">\(HTMLContent.escape(Message.previewOverlayTitle(errors: errors.count).text(language)))</h1>
            <ul style="font-family:ui-monospace,monospace;font-size:14px;white-space:pre-wrap;padding-left:1.2em">
            \(items)</ul>
            <p>\(HTMLContent.escape(Message.previewOverlayHint.text(language)))</p>
            </div>

            """
    }

    /// Follows the event stream: reloads the page, or swaps the stylesheets without a reload.
    static func script(token: String) -> String {
        // The token is letters, digits and a hyphen (see `ReloadBroadcaster.token`); escaped all the same.
        let quoted = HTMLContent.escape(token.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        return """
            <script>
            (function () {
              var events = new EventSource("\(eventsPath)?since=\(quoted)");
              events.addEventListener("reload", function () { events.close(); location.reload(); });
              events.addEventListener("stylesheets", function (event) {
                document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
                  var url = new URL(link.href);
                  url.searchParams.set("portal-gen", event.data);
                  link.href = url.href;
                });
              });
            })();
            </script>

            """
    }

    /// Where the last `</body>` starts (ASCII case ignored), if the page has one.
    private static func closingBody(in html: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard html.count >= tag.count else { return nil }
        var index = html.count - tag.count
        while index >= 0 {
            if html[index] == UInt8(ascii: "<") {
                var matches = true
                for offset in 1..<tag.count where html[index + offset] | 0x20 != tag[offset] | 0x20 {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index -= 1
        }
        return nil
    }
}
