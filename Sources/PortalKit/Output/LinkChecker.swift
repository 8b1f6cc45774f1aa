import Foundation

/// Finds internal links and images that point to no file of the site.
///
/// Government website inspections count broken links on every page, so a broken internal link is a
/// build error: the message names the report file and line when the link is in a report's text.
enum LinkChecker {
    static func check(
        html: String, page: SitePage, basePath: String, knownPaths: Set<String>,
        report: Report?, bodyLinks: [(url: String, line: Int)], template: String
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        for raw in attributeValues(in: html) {
            let url = decodeEntities(raw)
            guard let target = resolve(url, from: page.path, basePath: basePath), !knownPaths.contains(target) else { continue }
            guard reported.insert(url).inserted else { continue }
            // cmark percent-encodes non-ASCII destinations in the HTML; compare decoded forms.
            let decoded = url.removingPercentEncoding ?? url
            if let report, let link = bodyLinks.first(where: { ($0.url.removingPercentEncoding ?? $0.url) == decoded }) {
                diagnostics.append(
                    .error(
                        .linkBroken(url: url, target: target),
                        at: SourceLocation(file: report.source, line: report.bodyFirstLine + link.line - 1)))
            } else {
                diagnostics.append(
                    .error(.themeLinkBroken(template: template, url: url, page: page.path, target: target), at: nil))
            }
        }
        return diagnostics
    }

    /// The site-relative file a link leads to, or nil for external links, fragments and empty links.
    /// Works on UTF-8 bytes: every link of every page goes through here.
    static func resolve(_ url: String, from pagePath: String, basePath: String) -> String? {
        let slash = UInt8(ascii: "/")
        var path = url.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }).map { String(url[..<$0]) } ?? url
        if path.isEmpty || path.utf8.starts(with: "//".utf8) { return nil }
        if let colon = path.utf8.firstIndex(of: UInt8(ascii: ":")), !path.utf8[..<colon].contains(slash) { return nil }
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        var segments: [Substring.UTF8View]
        if path.utf8.first == slash {
            guard path.utf8.starts(with: basePath.utf8) else { return "/" + path.drop(while: { $0 == "/" }) }
            segments = []
            path = String(Substring(path.utf8.dropFirst(basePath.utf8.count)))
        } else {
            segments = Array(Substring(pagePath).utf8.split(separator: slash).dropLast())
        }
        for segment in Substring(path).utf8.split(separator: slash) {
            if segment.elementsEqual(".".utf8) { continue }
            if segment.elementsEqual("..".utf8) {
                if segments.isEmpty { return "../" + path }
                segments.removeLast()
            } else {
                segments.append(segment)
            }
        }
        var resolved: [UInt8] = []
        for (index, segment) in segments.enumerated() {
            if index > 0 { resolved.append(slash) }
            resolved += segment
        }
        if path.utf8.last == slash || resolved.isEmpty { resolved += (resolved.isEmpty ? "index.html" : "/index.html").utf8 }
        return String(decoding: resolved, as: UTF8.self)
    }

    /// Values of `href` and `src` attributes (the templates and cmark both write double quotes).
    /// Jumps from `=` to `=` in the UTF-8 bytes: pages run to megabytes (the supervision grid), and every page is scanned.
    static func attributeValues(in html: String) -> [String] {
        var html = html
        return html.withUTF8 { bytes in
            var values: [String] = []
            guard let base = bytes.baseAddress else { return values }
            let count = bytes.count
            func position(of byte: UInt8, from start: Int) -> Int? { ByteSearch.firstIndex(of: byte, in: bytes, from: start) }
            func preceded(by pattern: StaticString, at position: Int) -> Bool {
                let length = pattern.utf8CodeUnitCount
                return position >= length && memcmp(base + position - length, pattern.utf8Start, length) == 0
            }
            var index = 0
            while let equals = position(of: UInt8(ascii: "="), from: index) {
                index = equals + 1
                guard index < count, bytes[index] == UInt8(ascii: "\""),
                    preceded(by: " href", at: equals) || preceded(by: " src", at: equals)
                else { continue }
                let start = index + 1
                let end = position(of: UInt8(ascii: "\""), from: start) ?? count
                values.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                index = end
            }
            return values
        }
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
