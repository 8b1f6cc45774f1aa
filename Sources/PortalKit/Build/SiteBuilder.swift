import Foundation

/// Runs the whole pipeline: content files → parsed reports → validated model → site plan →
/// rendered pages → written output. No stage reaches back into an earlier one.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var content: URL
        /// A theme name (looked up in `Themes/`) or folder; nil uses the portal's setting.
        public var theme: String?
        public var output: URL
        /// The folder that paths in messages are shown relative to.
        public var displayBase: URL
        /// How many pages are rendered at once.
        public var parallelism: Int
        /// Whether arithmetic findings in the statistics fail the build (`--strict`).
        public var strict: Bool

        public init(content: URL, theme: String? = nil, output: URL,
                    displayBase: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                    parallelism: Int = ProcessInfo.processInfo.activeProcessorCount, strict: Bool = false) {
            self.content = content
            self.theme = theme
            self.output = output
            self.displayBase = displayBase
            self.parallelism = max(1, parallelism)
            self.strict = strict
        }
    }

    public struct Result: Sendable {
        public var reports: Int
        public var pages: Int
        public var files: Int
        public var seconds: Double
        /// Warnings (errors make the build throw instead).
        public var diagnostics: [Diagnostic]
        public var timings: BuildTimings
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Builds the site; on any error nothing in the output folder changes and every problem found is thrown.
    public func build() async throws(DiagnosticsError) -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let reader = PortalReader(content: options.content, displayBase: options.displayBase)
        let loader = reader.loader
        let read = await reader.read()
        var timings = BuildTimings()
        timings.loadWall = read.loadSeconds
        timings.checkWall = read.checkSeconds
        // A published report is a legal record: its arithmetic findings are warnings unless --strict.
        let findings = read.findings.map { finding -> Diagnostic in
            var finding = finding
            if !options.strict, finding.severity == .error { finding.severity = .warning }
            return finding
        }
        var diagnostics = read.diagnostics + findings
        guard let portal = read.portal else { throw DiagnosticsError(diagnostics) }
        if portal.config.unsafeHTML {
            diagnostics.append(.warning("`unsafe_html: true` is set: raw HTML and javascript: links in reports are published as written; only use this if every report is trusted",
                                        at: SourceLocation(file: loader.displayPath(options.content.appendingPathComponent(ContentLoader.settingsFile)), line: 1)))
        }
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        let config = portal.config

        let themeURL = try resolveTheme(options.theme ?? config.theme, display: loader.displayPath)
        let theme: Theme
        do {
            theme = try Theme.load(from: themeURL, displayPath: loader.displayPath)
        } catch {
            throw DiagnosticsError(diagnostics + error.diagnostics)
        }

        let writer: OutputWriter
        do {
            writer = try OutputWriter(output: options.output, protected: [options.content, themeURL], displayPath: { loader.displayPath($0) })
        } catch {
            throw DiagnosticsError(diagnostics + error.diagnostics)
        }

        let plan = SitePlan(portal: portal)
        let knownPaths = Set(plan.allPaths + theme.assets.map(\.path))
        let renderer = PageRenderer(portal: portal, theme: theme, findings: read.findings)
        do throws(DiagnosticsError) {
            let renderStart = clock.now
            let work = try await renderAndWrite(plan.pages, renderer: renderer, knownPaths: knownPaths, writer: writer)
            diagnostics += work.diagnostics
            timings.renderWall = BuildTimings.seconds(clock.now - renderStart)
            timings.markdownCPU = work.markdown
            timings.templatesCPU = work.templates
            timings.templatesByName = work.templatesByName
            timings.writeCPU = work.write
            timings.pagesRendered = work.pages
            try writer.write(Sitemap.xml(plan: plan, portal: portal), to: "sitemap.xml")
            try writer.write(Sitemap.robots(portal: portal), to: "robots.txt")
            try writer.write(OpenData.csv(portal), to: OpenData.csvPath)
            try writer.write(OpenData.json(portal), to: OpenData.jsonPath)
            for report in portal.reports { try writer.write(OpenData.json(of: report, config: config), to: OpenData.reportPath(report)) }
            for asset in theme.assets { try writer.copy(asset.source, to: asset.path) }
            if diagnostics.hasErrors { throw DiagnosticsError([]) }
            try writer.commit()
        } catch {
            writer.discard()
            throw DiagnosticsError(diagnostics + error.diagnostics)
        }
        timings.totalWall = BuildTimings.seconds(clock.now - start)
        timings.totalCPU = BuildTimings.processCPU()
        timings.filesWritten = plan.allPaths.count + theme.assets.count
        return Result(reports: portal.reports.count, pages: plan.pages.count, files: timings.filesWritten,
                      seconds: timings.totalWall, diagnostics: diagnostics, timings: timings)
    }

    /// What rendering and writing the pages found and cost.
    struct PageWork: Sendable {
        var diagnostics: [Diagnostic] = []
        var markdown: Double = 0
        var templates: Double = 0
        var templatesByName: [String: Double] = [:]
        var write: Double = 0
        var pages = 0
    }

    /// Renders pages on all cores with a bounded number in flight, writing each as soon as it is done.
    private func renderAndWrite(_ pages: [SitePage], renderer: PageRenderer, knownPaths: Set<String>,
                                writer: OutputWriter) async throws(DiagnosticsError) -> PageWork {
        let outcome: Swift.Result<PageWork, DiagnosticsError> = await withTaskGroup(of: Swift.Result<PageWork, DiagnosticsError>.self) { group in
            var next = 0
            var total = PageWork()
            func add(_ group: inout TaskGroup<Swift.Result<PageWork, DiagnosticsError>>) {
                let page = pages[next]
                next += 1
                group.addTask {
                    let rendered = renderer.render(page, knownPaths: knownPaths)
                    let clock = ContinuousClock()
                    let start = clock.now
                    do throws(DiagnosticsError) {
                        try writer.write(rendered.html, to: page.path)
                    } catch {
                        return .failure(error)
                    }
                    return .success(PageWork(diagnostics: rendered.diagnostics, markdown: rendered.markdownSeconds, templates: rendered.templateSeconds,
                                             templatesByName: [page.template: rendered.templateSeconds],
                                             write: BuildTimings.seconds(clock.now - start), pages: 1))
                }
            }
            while next < pages.count, next < options.parallelism * 2 { add(&group) }
            while let result = await group.next() {
                switch result {
                case .success(let work):
                    total.diagnostics += work.diagnostics
                    total.markdown += work.markdown
                    total.templates += work.templates
                    total.templatesByName.merge(work.templatesByName, uniquingKeysWith: +)
                    total.write += work.write
                    total.pages += work.pages
                case .failure(let error):
                    group.cancelAll()
                    return .failure(error)
                }
                if next < pages.count { add(&group) }
            }
            return .success(total)
        }
        return try outcome.get()
    }

    /// A theme is a folder path (when the value contains `/` or starts with `.`) or a name looked up
    /// in `Themes/` beside the content folder, then in the working directory.
    private func resolveTheme(_ value: String, display: (URL) -> String) throws(DiagnosticsError) -> URL {
        let fm = FileManager.default
        var candidates: [URL] = []
        if value.contains("/") || value.hasPrefix(".") {
            candidates.append(URL(fileURLWithPath: value, relativeTo: options.displayBase))
        } else {
            candidates.append(options.content.deletingLastPathComponent().appendingPathComponent("Themes").appendingPathComponent(value))
            candidates.append(options.displayBase.appendingPathComponent("Themes").appendingPathComponent(value))
        }
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate.standardizedFileURL
            }
        }
        let tried = candidates.map { "`\(display($0.standardizedFileURL))`" }.joined(separator: " or ")
        throw DiagnosticsError([.error("the theme `\(value)` was not found (looked for \(tried)); pass --theme with a theme name or folder", at: nil)])
    }
}
