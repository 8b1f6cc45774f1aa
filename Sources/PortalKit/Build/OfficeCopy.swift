import Foundation

/// The supervision page for the supervising office only (`supervision: office`, `build --office
/// FOLDER`): written as `FOLDER/index.html`, outside the output folder, so that publishing the
/// output folder can never publish it; nothing in the site links to it and the sitemap does not
/// list it. It links into the output folder by relative paths (to read it with the site's
/// stylesheet and reports, from `file://` too).
enum OfficeCopy {
    static let fileName = "index.html"

    /// The folder's absolute path components, links resolved where they exist.
    private static func components(_ url: URL) -> [String] {
        url.standardizedFileURL.resolvingSymlinksInPath().pathComponents.filter { $0 != "/" }
    }

    /// Whether either folder is inside the other (or they are the same).
    static func overlaps(office: URL, output: URL) -> Bool {
        let (a, b) = (components(office), components(output))
        return a.starts(with: b) || b.starts(with: a)
    }

    /// The prefix that leads from the office folder to the output folder's root (`../Output/`).
    static func rootPrefix(office: URL, output: URL) -> String {
        let (from, to) = (components(office), components(output))
        let common = zip(from, to).prefix { $0 == $1 }.count
        let up = String(repeating: "../", count: from.count - common)
        return up + to.dropFirst(common).map { ($0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0) + "/" }.joined()
    }

    /// Renders the page for `office` and writes it (replacing the previous one in one rename).
    static func write(renderer: PageRenderer, office: URL, output: URL, displayPath: (URL) -> String) throws(DiagnosticsError) {
        let page = SitePage(kind: .supervision, path: fileName, rootOverride: rootPrefix(office: office, output: output))
        let html = renderer.render(page, knownPaths: []).html
        do {
            try FileManager.default.createDirectory(at: office, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: office.appendingPathComponent(fileName), options: .atomic)
        } catch {
            throw DiagnosticsError([.error(.officeFolderUnwritable(office: displayPath(office), reason: error.localizedDescription), at: nil)])
        }
    }
}
