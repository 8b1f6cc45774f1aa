import Foundation

/// Which link targets a report's Markdown may use (docs/security.md, "Links"): a page or file of the
/// site by a relative path, a fragment (`#…`), or an address with the scheme `https:`, `http:`,
/// `mailto:` or `tel:`. Everything else is refused at its line unless the portal sets
/// `unsafe_html: true`: other schemes (`javascript:`, `ftp:`, `file:`, `data:`), addresses without
/// a scheme (`//host`, which means something else from `file://`), backslashes (which browsers
/// read as `/`) and schemes hidden by percent-encoding (`%6Aavascript:`).
enum LinkPolicy {
    static let allowedSchemes: Set<String> = ["https", "http", "mailto", "tel"]

    /// Why `url` may not be used, in the user's words; nil when it may.
    static func refusal(of url: String) -> Message? {
        let text = url.trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text.hasPrefix("#") { return nil }
        if text.contains("\\") { return .linkBackslash(url: url) }
        if text.hasPrefix("//") { return .linkWithoutScheme(url: url, suggestion: "https:" + text) }
        if let scheme = scheme(of: text) {
            return allowedSchemes.contains(scheme.lowercased())
                ? nil
                : .linkSchemeRefused(url: url, scheme: String(scheme))
        }
        // A scheme or `//` that appears only once the link is decoded is hidden on purpose.
        var decoded = text
        for _ in 0..<3 {
            guard decoded.contains("%"), let next = decoded.removingPercentEncoding, next != decoded else { break }
            decoded = next
            if scheme(of: decoded) != nil || decoded.hasPrefix("//") || decoded.contains("\\") {
                return .linkEncodedHiding(url: url, decoded: decoded)
            }
        }
        return nil
    }

    /// The scheme of `text` (`https` of `https://…`), nil when it has none: letters, digits, `+`,
    /// `-` and `.` before the first `:` that comes before any `/`, `?` or `#`.
    static func scheme(of text: String) -> Substring? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
            candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate
    }
}
