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
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
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
    /// Scans the UTF-8 bytes in place: pages run to megabytes (the supervision grid), and every page is scanned.
    static func attributeValues(in html: String) -> [String] {
        var html = html
        return html.withUTF8 { bytes in
            var values: [String] = []
            let count = bytes.count
            var index = 0
            func matches(_ pattern: StaticString, at position: Int) -> Bool {
                let length = pattern.utf8CodeUnitCount
                guard position + length <= count else { return false }
                let pointer = pattern.utf8Start
                for offset in 0..<length where bytes[position + offset] != pointer[offset] { return false }
                return true
            }
            while index < count {
                guard bytes[index] == 0x20 else { index += 1; continue }
                let length: Int
                if matches(" href=\"", at: index) { length = 7 } else if matches(" src=\"", at: index) { length = 6 } else { index += 1; continue }
                let start = index + length
                var end = start
                while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                values.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                index = end
            }
            return values
        }
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
