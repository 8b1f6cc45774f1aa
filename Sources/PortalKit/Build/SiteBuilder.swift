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
        /// Ignore the previous build: parse every file and write every file again (`--clean`).
        public var fresh: Bool
        /// Leave the build's memory to the end of the process instead of freeing it when the build
        /// returns, like a compiler's `-disable-free`: for the command line, which exits right after.
        public var skipsTeardown = false

        public init(content: URL, theme: String? = nil, output: URL,
                    displayBase: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                    parallelism: Int = ProcessInfo.processInfo.activeProcessorCount, strict: Bool = false, fresh: Bool = false) {
            self.content = content
            self.theme = theme
            self.output = output
            self.displayBase = displayBase
            self.parallelism = max(1, parallelism)
            self.strict = strict
            self.fresh = fresh
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
        /// True when nothing changed since the last build and nothing was written.
        public var unchanged: Bool
    }

    public let options: Options

    /// What a build keeps alive when `Options.skipsTeardown` is set.
    private final class Kept {
        let all: [Any]
        init(_ all: [Any]) { self.all = all }
    }

    public init(options: Options) {
        self.options = options
    }

    /// Builds the site; on any error nothing in the output folder changes and every problem found is thrown.
    ///
    /// When nothing the site is made from changed since the last build (same portal-gen, options,
    /// settings, theme files and content files), nothing is rebuilt or written. Otherwise only the
    /// files that changed are parsed (see `ParseCache`), only the pages whose inputs changed are
    /// rendered (see `PageRenderer.inputs`), and only the files whose bytes changed are written:
    /// the others keep their modification times, so a sync uploads only what changed.
    public func build() async throws(DiagnosticsError) -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let reader = PortalReader(content: options.content, displayBase: options.displayBase)
        let loader = reader.loader
        let outputFolder = options.output.standardizedFileURL.resolvingSymlinksInPath()
        // The previous manifest and parse cache are read on other cores while this one walks the content folder.
        let fresh = options.fresh
        let manifestRead = Task { () -> (data: Data, manifest: BuildManifest)? in
            guard !fresh, let data = BuildManifest.bytes(in: outputFolder), let manifest = BuildManifest(data: data) else { return nil }
            return (data, manifest)
        }
        let cacheRead = Task { fresh ? nil : await ParseCache.load(from: outputFolder, scope: loader.cacheScope) }
        let snapshot = loader.snapshot()
        let fingerprint = inputFingerprint(snapshot, loader: loader)
        let known = await manifestRead.value
        if let fingerprint, let previous = known?.manifest, previous.inputs == fingerprint {
            cacheRead.cancel()
            var timings = BuildTimings()
            timings.totalWall = BuildTimings.seconds(clock.now - start)
            timings.totalCPU = BuildTimings.processCPU()
            timings.filesUnchanged = previous.outputs.count
            return Result(reports: previous.reports, pages: previous.pages, files: 0, seconds: timings.totalWall,
                          diagnostics: previous.warnings, timings: timings, unchanged: true)
        }

        let cache = await cacheRead.value
        let prepared = clock.now
        let read = await reader.read(snapshot, reusing: cache)
        var timings = BuildTimings()
        timings.prepareWall = BuildTimings.seconds(prepared - start)
        timings.filesReused = read.reused
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
            writer = try OutputWriter(output: options.output, protected: [options.content, themeURL], fresh: options.fresh, known: known,
                                      displayPath: { loader.displayPath($0) })
        } catch {
            throw DiagnosticsError(diagnostics + error.diagnostics)
        }

        let plan = SitePlan(portal: portal)
        let sitePaths = plan.allPaths + theme.assets.map(\.path)
        let knownPaths = Set(sitePaths)
        let site = BuildManifest.siteFingerprint(version: PortalKit.version, options: fingerprintOptions(themeURL), settings: snapshot.settingsHash)
        let renderer = PageRenderer(portal: portal, theme: theme, findings: read.findings, siteFingerprint: site)
        let pathsFingerprint = ContentHash.of(sitePaths.joined(separator: "\n"))
        var written: [OutputWriter.Written] = []
        var pageInputs: [String: String] = [:]
        // Files made from every report, and the parse cache, are made while the pages render (each
        // is one long job for one core) and written as they are made; a file whose inputs did not
        // change is not made at all.
        let makers: [(path: String, make: @Sendable (inout FileSink) -> Void)] = [
            ("sitemap.xml", { $0.append(Sitemap.xml(plan: plan, portal: portal)) }),
            (OpenData.csvPath, { sink in OpenData.csv(portal) { sink.append($0) } }),
            (OpenData.jsonPath, { sink in OpenData.json(portal) { sink.append($0) } }),
        ]
        let everything = makers.map { path, make in
            let inputs = renderer.everythingInputs(of: path, pathsFingerprint: pathsFingerprint)
            let kept = writer.keep(path, inputs: inputs)
            return (path: path, inputs: inputs, kept: kept,
                    written: Task { () -> Swift.Result<OutputWriter.Written, DiagnosticsError>? in
                        kept == nil ? Swift.Result { () throws(DiagnosticsError) in try writer.write(to: path, make) } : nil
                    })
        }
        let parsed = read.cache
        let cacheStaged = Task { () -> Swift.Result<[String], DiagnosticsError> in
            Swift.Result { () throws(DiagnosticsError) in
                guard let parsed else { return [] }
                try writer.stage(ParseCache.fileName) { sink in parsed.encode { sink.append($0) } }
                return [ParseCache.fileName]
            }
        }
        do throws(DiagnosticsError) {
            let renderStart = clock.now
            let work = try await renderAndWrite(plan.pages, renderer: renderer, knownPaths: knownPaths, pathsFingerprint: pathsFingerprint, writer: writer)
            diagnostics += work.diagnostics
            written = work.written
            pageInputs = work.inputs
            timings.renderWall = BuildTimings.seconds(clock.now - renderStart)
            timings.markdownCPU = work.markdown
            timings.templatesCPU = work.templates
            timings.templatesByName = work.templatesByName
            timings.writeCPU = work.write
            timings.pagesRendered = work.pages
            timings.pagesSkipped = plan.pages.count - work.pages
            let dataStart = clock.now
            written.append(try writer.write(Sitemap.robots(portal: portal), to: "robots.txt"))
            for file in everything {
                if let inputs = file.inputs { pageInputs[file.path] = inputs }
                if let kept = file.kept {
                    written.append(kept)
                } else if let made = await file.written.value {
                    written.append(try made.get())
                }
            }
            try await writeReportData(portal, renderer: renderer, writer: writer, written: &written, inputs: &pageInputs)
            for asset in theme.assets { written.append(try writer.copy(asset.source, to: asset.path)) }
            if diagnostics.hasErrors { throw DiagnosticsError([]) }
            let commitStart = clock.now
            timings.dataWall = BuildTimings.seconds(commitStart - dataStart)
            defer { timings.commitWall = BuildTimings.seconds(clock.now - commitStart) }
            var outputs: [String: String] = [:]
            outputs.reserveCapacity(written.count)
            for file in written { outputs[file.path] = file.hash }
            let manifest = BuildManifest(inputs: fingerprint ?? "", outputs: outputs,
                                         warnings: diagnostics.sortedForDisplay(), reports: portal.reports.count, pages: plan.pages.count,
                                         pageInputs: pageInputs)
            try writer.commit(manifest: manifest, written: written, extra: try await cacheStaged.value.get())
        } catch {
            // The files being made are written into the staging folder: let them finish before it goes.
            for file in everything { _ = await file.written.value }
            _ = await cacheStaged.value
            writer.discard()
            throw DiagnosticsError(diagnostics + error.diagnostics)
        }
        timings.totalWall = BuildTimings.seconds(clock.now - start)
        timings.totalCPU = BuildTimings.processCPU()
        timings.filesUnchanged = written.filter(\.unchanged).count
        timings.filesWritten = written.count - timings.filesUnchanged
        if options.skipsTeardown {
            // The process ends right after: freeing the model and the records of both builds object
            // by object would only delay its exit (about a tenth of a one-report rebuild).
            _ = Unmanaged.passRetained(Kept([portal, read, cache as Any, known as Any, writer, renderer, plan, written, pageInputs, theme]))
        }
        return Result(reports: portal.reports.count, pages: plan.pages.count, files: timings.filesWritten,
                      seconds: timings.totalWall, diagnostics: diagnostics, timings: timings, unchanged: false)
    }

    /// Fingerprint of everything the build reads, or nil when it cannot be told cheaply (then the
    /// build runs in full).
    private func inputFingerprint(_ snapshot: ContentLoader.Snapshot, loader: ContentLoader) -> String? {
        guard let config = snapshot.config,
              let themeURL = try? resolveTheme(options.theme ?? config.theme, display: loader.displayPath) else { return nil }
        return BuildManifest.fingerprint(version: PortalKit.version, options: fingerprintOptions(themeURL),
                                         settings: snapshot.settingsHash, theme: themeURL, contentStamps: snapshot.stampsFingerprint)
    }

    private func fingerprintOptions(_ themeURL: URL) -> String {
        "theme=\(themeURL.standardizedFileURL.path) strict=\(options.strict)"
    }

    /// Each report's `data.json`, written on all cores; a report whose file did not change keeps its
    /// file. What was written and what each file is made from are added to `written` and `inputs`.
    private func writeReportData(_ portal: Portal, renderer: PageRenderer, writer: OutputWriter,
                                 written: inout [OutputWriter.Written], inputs: inout [String: String]) async throws(DiagnosticsError) {
        let outcomes = await portal.reports.concurrentMap(width: options.parallelism) { report -> Swift.Result<(OutputWriter.Written, String?), DiagnosticsError> in
            let path = OpenData.reportPath(report)
            let inputs = renderer.dataInputs(of: report)
            if let kept = writer.keep(path, inputs: inputs) { return .success((kept, inputs)) }
            return Swift.Result { () throws(DiagnosticsError) in (try writer.write(OpenData.json(of: report, config: portal.config), to: path), inputs) }
        }
        for outcome in outcomes {
            let (file, made) = try outcome.get()
            written.append(file)
            if let made { inputs[file.path] = made }
        }
    }

    /// What rendering and writing the pages found and cost.
    struct PageWork: Sendable {
        var diagnostics: [Diagnostic] = []
        /// The page's position in the plan: diagnostics are reported in plan order, not completion order.
        var pageIndex = 0
        var markdown: Double = 0
        var templates: Double = 0
        var templatesByName: [String: Double] = [:]
        var write: Double = 0
        var written: [OutputWriter.Written] = []
        var inputs: [String: String] = [:]
        var pages = 0
    }

    /// Renders pages on all cores with a bounded number in flight, writing each as soon as it is done.
    private func renderAndWrite(_ pages: [SitePage], renderer: PageRenderer, knownPaths: Set<String>, pathsFingerprint: String,
                                writer: OutputWriter) async throws(DiagnosticsError) -> PageWork {
        // Which pages are unchanged is told first, in a few chunks on all cores (each is a
        // fingerprint and a look-up): only the pages to render become tasks, not all 11,000.
        let common = renderer.commonInputs(pathsFingerprint: pathsFingerprint)
        let chunk = Swift.max(1, (pages.count + options.parallelism * 4 - 1) / (options.parallelism * 4))
        let chunks = stride(from: 0, to: pages.count, by: chunk).map { $0..<Swift.min($0 + chunk, pages.count) }
        let decisions = await chunks.concurrentMap(width: options.parallelism) { range in
            range.map { index -> (inputs: String?, kept: OutputWriter.Written?) in
                let inputs = renderer.inputs(of: pages[index], common: common)
                return (inputs, writer.keep(pages[index].path, inputs: inputs))
            }
        }.flatMap { $0 }
        // The records are made big enough for every file of the site at once (the data files and
        // assets are added to them later): at national scale, growing them doubled their memory.
        var kept = PageWork()
        let files = pages.count + renderer.portal.reports.count + 64
        kept.written.reserveCapacity(files)
        kept.inputs.reserveCapacity(files)
        var toRender: [Int] = []
        for (index, decision) in decisions.enumerated() {
            if let inputs = decision.inputs { kept.inputs[pages[index].path] = inputs }
            if let file = decision.kept { kept.written.append(file) } else { toRender.append(index) }
        }
        let outcome: Swift.Result<PageWork, DiagnosticsError> = await withTaskGroup(of: Swift.Result<PageWork, DiagnosticsError>.self) { group in
            var next = 0
            var total = kept
            var found: [(Int, [Diagnostic])] = []
            func add(_ group: inout TaskGroup<Swift.Result<PageWork, DiagnosticsError>>) {
                let pageIndex = toRender[next]
                let page = pages[pageIndex]
                next += 1
                group.addTask {
                    var body = ""
                    if case .report(let index) = page.kind {
                        do throws(DiagnosticsError) {
                            body = try ReportBody.read(renderer.portal.reports[index])
                        } catch {
                            return .failure(error)
                        }
                    }
                    let rendered = renderer.render(page, knownPaths: knownPaths, body: body)
                    let clock = ContinuousClock()
                    let start = clock.now
                    let written: OutputWriter.Written
                    do throws(DiagnosticsError) {
                        written = try writer.write(rendered.html, to: page.path)
                    } catch {
                        return .failure(error)
                    }
                    return .success(PageWork(diagnostics: rendered.diagnostics, pageIndex: pageIndex, markdown: rendered.markdownSeconds, templates: rendered.templateSeconds,
                                             templatesByName: [page.template: rendered.templateSeconds],
                                             write: BuildTimings.seconds(clock.now - start), written: [written], pages: 1))
                }
            }
            while next < toRender.count, next < options.parallelism * 2 { add(&group) }
            while let result = await group.next() {
                switch result {
                case .success(let work):
                    if !work.diagnostics.isEmpty { found.append((work.pageIndex, work.diagnostics)) }
                    total.markdown += work.markdown
                    total.templates += work.templates
                    total.templatesByName.merge(work.templatesByName, uniquingKeysWith: +)
                    total.write += work.write
                    total.written += work.written
                    total.pages += work.pages
                case .failure(let error):
                    group.cancelAll()
                    return .failure(error)
                }
                if next < toRender.count { add(&group) }
            }
            total.diagnostics = found.sorted { $0.0 < $1.0 }.flatMap(\.1)
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
