import Foundation
import Mustache

/// A theme folder: Mustache templates in `templates/` and static files in `assets/`.
///
/// Themes are read at run time, so a portal can restyle its site without recompiling portal-gen.
/// Templates are trusted (they are written by the portal's maintainers); content is not, and every
/// value from content reaches templates as text that Mustache's `{{…}}` escapes (see `HTMLContent`).
struct Theme: Sendable {
    /// Templates every theme must provide, one per kind of page (plus partials of its choice).
    static let requiredTemplates = ["home", "year", "township", "report", "compilation", "supervision", "sitemap", "feeds", "404"]
    /// Where assets land in the output folder.
    static let assetsFolder = "assets"

    let directory: URL
    let library: MustacheLibrary
    /// Asset files, as (path inside the output folder, source file).
    let assets: [(path: String, source: URL)]
    /// Template name → fingerprint of its text and of every template it includes (`{{> partial}}`,
    /// `{{< parent}}`), so that editing one template re-renders only the pages that use it.
    let templateInputs: [String: String]

    /// Loads and parses every template; all problems are reported with file and line.
    static func load(from directory: URL, displayPath: (URL) -> String) throws(DiagnosticsError) -> Theme {
        let templatesURL = directory.appendingPathComponent("templates")
        var diagnostics: [Diagnostic] = []
        HTMLContent.registered
        var library = MustacheLibrary()
        var names: Set<String> = []
        var sources: [String: String] = [:]
        let fm = FileManager.default
        for url in files(under: templatesURL) where url.pathExtension == "mustache" {
            let relative = String(url.path.dropFirst(templatesURL.path.count + 1))
            let name = String(relative.dropLast(".mustache".count))
            names.insert(name)
            do {
                let source = try SourceText.read(url, displayPath: displayPath(url))
                sources[name] = source.text
                library.register(try MustacheTemplate(string: HTMLContent.pragma + source.text), named: name)
            } catch let error as DiagnosticsError {
                diagnostics += error.diagnostics
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(
                        .templateUnreadable(problem: Self.words(error.error)),
                        at: SourceLocation(
                            file: displayPath(url), line: max(1, error.context.lineNumber - HTMLContent.pragmaLines), column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error(.templateUnreadable(problem: "\(error)"), at: SourceLocation(file: displayPath(url), line: 1)))
            }
        }
        var isDirectory: ObjCBool = false
        if !fm.fileExists(atPath: templatesURL.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            diagnostics.append(
                .error(
                    .themeNoTemplatesFolder,
                    at: SourceLocation(file: displayPath(templatesURL), line: 1)))
        } else {
            for name in requiredTemplates where !names.contains(name) {
                diagnostics.append(
                    .error(
                        .themeTemplateMissing(name: name),
                        at: SourceLocation(file: displayPath(templatesURL.appendingPathComponent(name + ".mustache")), line: 1)))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }

        let assetsURL = directory.appendingPathComponent("assets")
        let assets = files(under: assetsURL).map { url in
            (path: assetsFolder + "/" + String(url.path.dropFirst(assetsURL.path.count + 1)), source: url)
        }
        return Theme(directory: directory, library: library, assets: assets, templateInputs: fingerprints(of: sources))
    }

    /// Each template's fingerprint over the templates it reaches through partials and parents.
    /// A template that changes its tag delimiters (`{{=<% %>=}}`) or names a partial dynamically
    /// (`{{>*name}}`) cannot be scanned reliably, so it is taken to use every template.
    static func fingerprints(of sources: [String: String]) -> [String: String] {
        let all = sources.keys.sorted()
        var uses: [String: [String]] = [:]
        for (name, text) in sources {
            if text.contains("{{=") || text.contains("{{>*") || text.contains("{{<*") {
                uses[name] = all
                continue
            }
            var found: [String] = []
            var rest = text[...]
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                guard let kind = rest.first, kind == ">" || kind == "<", let close = rest.range(of: "}}") else { continue }
                found.append(rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces))
                rest = rest[close.upperBound...]
            }
            uses[name] = found
        }
        var result: [String: String] = [:]
        for name in all {
            var reached: Set<String> = [name]
            var queue = [name]
            while let next = queue.popLast() {
                for used in uses[next] ?? [] where reached.insert(used).inserted { queue.append(used) }
            }
            result[name] = ContentHash.of(reached.sorted().map { "\($0)\n\(sources[$0] ?? "missing")" }.joined(separator: "\n\u{0}"))
        }
        return result
    }

    /// `sectionCloseNameIncorrect` → `section close name incorrect`.
    static func words(_ error: Error) -> String {
        "\(error)".reduce(into: "") { text, character in
            if character.isUppercase { text += " " + character.lowercased() } else { text.append(character) }
        }
    }

    /// Regular files under `folder`, sorted; hidden files and symbolic links are skipped.
    static func files(under folder: URL) -> [URL] {
        let folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey], options: [.skipsHiddenFiles])
        else { return [] }
        var result: [URL] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            if values?.isRegularFile == true, values?.isSymbolicLink != true {
                result.append(URL(fileURLWithPath: folder.path + "/" + relativePath(of: url, in: folder)))
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    private static func relativePath(of url: URL, in folder: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.hasPrefix(folder.path + "/") ? String(path.dropFirst(folder.path.count + 1)) : url.lastPathComponent
    }

    /// Renders `template` with `context`; a template missing at this point is a programming error
    /// caught by `load`, so the result is never nil for required templates.
    func render(_ template: String, context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
