import Foundation

/// Finds internal links and images that point to no file of the site.
///
/// Government website inspections count broken links on every page, so a broken internal link is a
/// build error: the message names the report file and line when the link is in a report's text.
public enum LinkChecker {
    public static func check(html: String, page: SitePage, basePath: String, knownPaths: Set<String>,
                             report: Report?, bodyLinks: [(url: String, line: Int)], template: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        for raw in attributeValues(in: html) {
            let url = decodeEntities(raw)
            guard let target = resolve(url, from: page.path, basePath: basePath), !knownPaths.contains(target) else { continue }
            guard reported.insert(url).inserted else { continue }
            // cmark percent-encodes non-ASCII destinations in the HTML; compare decoded forms.
            let decoded = url.removingPercentEncoding ?? url
            if let report, let link = bodyLinks.first(where: { ($0.url.removingPercentEncoding ?? $0.url) == decoded }) {
                diagnostics.append(.error("the link `\(url)` points to `\(target)`, which is not a page or file of the site; correct the link or use a full address starting with https://",
                                          at: SourceLocation(file: report.source, line: report.bodyFirstLine + link.line - 1)))
            } else {
                diagnostics.append(.error("the theme template `\(template).mustache` links to `\(url)` on page `\(page.path)`, but the site has no file `\(target)`", at: nil))
            }
        }
        return diagnostics
    }

    /// The site-relative file a link leads to, or nil for external links, fragments and empty links.
    public static func resolve(_ url: String, from pagePath: String, basePath: String) -> String? {
        var path = url
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        if path.isEmpty || path.hasPrefix("//") { return nil }
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return nil }
        path = path.removingPercentEncoding ?? path
        var segments: [Substring]
        if path.hasPrefix("/") {
            guard path.hasPrefix(basePath) else { return "/" + path.drop(while: { $0 == "/" }) }
            segments = []
            path = String(path.dropFirst(basePath.count))
        } else {
            segments = pagePath.split(separator: "/").dropLast()
        }
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                if segments.isEmpty { return "../" + path }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        var resolved = segments.joined(separator: "/")
        if path.hasSuffix("/") || resolved.isEmpty { resolved += resolved.isEmpty ? "index.html" : "/index.html" }
        return resolved
    }

    /// Values of `href` and `src` attributes (the templates and cmark both write double quotes).
    static func attributeValues(in html: String) -> [String] {
        var values: [String] = []
        let utf8 = Array(html.utf8)
        let patterns: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8)]
        var index = 0
        while index < utf8.count {
            var matched: Int?
            if utf8[index] == UInt8(ascii: " ") {
                for pattern in patterns where index + pattern.count <= utf8.count && Array(utf8[index..<index + pattern.count]) == pattern {
                    matched = pattern.count
                }
            }
            guard let length = matched else { index += 1; continue }
            let start = index + length
            var end = start
            while end < utf8.count, utf8[end] != UInt8(ascii: "\"") { end += 1 }
            values.append(String(decoding: utf8[start..<end], as: UTF8.self))
            index = end
        }
        return values
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
