import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The files of the built site as the preview serves them, and nothing else: every path is
/// opened one name at a time from the output folder without following a link, names starting
/// with `.` (the build's records, `.portal-gen-*`) are never reached, and a folder is its
/// `index.html`, never a listing.
struct SiteFiles: Sendable {
    /// The output folder.
    let root: String
    /// The site's `base_path` (`/xxgk/ndbg/`): the 404 page links from it, so the site is served
    /// there as well as at `/`.
    var basePath: String = "/"

    enum Lookup: Equatable, Sendable {
        case file(bytes: [UInt8], contentType: String)
        /// A folder asked for without its final `/`: relative links need it.
        case redirect(location: String)
        case notFound
    }

    /// The file for a request's path (still percent-encoded, without the query).
    func lookup(_ requestPath: String) -> Lookup {
        guard var names = Self.names(in: requestPath) else { return .notFound }
        let base = basePath.split(separator: "/").map(String.init)
        if !base.isEmpty, names.count >= base.count, Array(names[..<base.count]) == base { names.removeFirst(base.count) }
        let isFolderPath = requestPath.hasSuffix("/")
        let folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return .notFound }
        var current = folder
        defer { close(current) }
        for (index, name) in names.enumerated() {
            let last = index == names.count - 1
            let next = openat(current, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | (last ? 0 : O_DIRECTORY))
            guard next >= 0 else { return .notFound }
            close(current)
            current = next
        }
        var status = stat()
        guard fstat(current, &status) == 0 else { return .notFound }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            guard !isFolderPath else { return .notFound }
            return read(current, name: names.last ?? "")
        case S_IFDIR:
            // Leading slashes collapsed: `//host/` would send the browser to another site.
            guard isFolderPath else { return .redirect(location: "/" + requestPath.drop { $0 == "/" } + "/") }
            let index = openat(current, "index.html", O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard index >= 0 else { return .notFound }
            defer { close(index) }
            guard fstat(index, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .notFound }
            return read(index, name: "index.html")
        default:
            return .notFound
        }
    }

    /// The site's 404 page, when it has one.
    func notFoundPage() -> [UInt8]? {
        if case .file(let bytes, _) = lookup("/404.html") { return bytes }
        return nil
    }

    /// The decoded names of a request path; nil for anything that is not a plain path inside the
    /// site: `.` and `..` (also encoded), hidden names, NUL, a `/` or `\` hidden in an encoded
    /// name, invalid encoding or UTF-8.
    static func names(in requestPath: String) -> [String]? {
        guard requestPath.hasPrefix("/") else { return nil }
        var names: [String] = []
        for piece in requestPath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst() {
            if piece.isEmpty { continue }
            guard let decoded = percentDecoded(piece), let name = String(validating: decoded, as: UTF8.self) else { return nil }
            guard !name.hasPrefix("."), !decoded.contains(0), !decoded.contains(UInt8(ascii: "/")), !decoded.contains(UInt8(ascii: "\\")) else {
                return nil
            }
            names.append(name)
        }
        return names
    }

    private static func percentDecoded(_ bytes: Substring.UTF8View.SubSequence) -> [UInt8]? {
        var result: [UInt8] = []
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                result.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            result.append(high << 4 | low)
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private func read(_ descriptor: Int32, name: String) -> Lookup {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return .notFound }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return .file(bytes: bytes, contentType: Self.contentType(of: name))
    }

    /// The content type by the name's extension; text in UTF-8, as the build writes it.
    static func contentType(of name: String) -> String {
        let suffix = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch name.contains(".") ? suffix : "" {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}
