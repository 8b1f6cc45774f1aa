import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
        /// Stage the whole site on every build (unchanged files hard-linked) and exchange it with the
        /// output folder in one rename, so that a web server serving the folder never sees two builds
        /// mixed (`--atomic`; see docs/security.md). Costs a link per file of the site.
        public var atomic = false
        /// For tests: where the build fails or dies on purpose (see `FaultPlan`).
        public var faults: FaultPlan?
        /// The day the build runs on: some warnings depend on it (a publication date still to come),
        /// and the supervision grid (a report not yet due is 未到期).
        public var today: CalendarDate = .today
        /// Where the office's copy of the supervision page goes (`--office`; see `OfficeCopy`):
        /// outside the output folder. Nil: none is written.
        public var office: URL?
        /// Counts the report files read, for a progress line on a terminal.
        public var progress: ProgressCounter?
        /// For a process that builds again and again (the preview): records it has decoded in the
        /// background since the last build (see `BuildMemory`). The output is the same.
        public var memory: BuildMemory?

        public init(
            content: URL, theme: String? = nil, output: URL,
            displayBase: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            parallelism: Int = ProcessInfo.processInfo.activeProcessorCount, strict: Bool = false, fresh: Bool = false
        ) {
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

    /// What a build keeps alive when `Options.skipsTeardown` is set: its largest values, freed
    /// object by object only if the build returns to a caller that goes on.
    private final class Kept: @unchecked Sendable {
        var read: PortalReader.Result?
        var writer: OutputWriter?
        var renderer: PageRenderer?
        var plan: SitePlan?
        var theme: Theme?
        var written: [OutputWriter.Written] = []
    }

    public init(options: Options) {
        self.options = options
    }

    /// What the prepare step found: the content folder's snapshot and the previous build's records.
    private struct Prepared: Sendable {
        var snapshot: ContentLoader.Snapshot
        /// Fingerprint of every input; nil when it cannot be told for certain.
        var fingerprint: String?
        var cache: ParseCache?
        /// Warnings about records that were ignored.
        var notices: [Diagnostic]
        /// The previous build's manifest, when nothing changed since and the output folder is exactly as it left it.
        var unchanged: BuildManifest?
        /// The manifest and the output folder as they were read, for the writer.
        var known: BuildManifest.Reading?
    }

    /// Builds the site; on any error the output folder is left as it was (or as the next build
    /// completes it) and every problem found is thrown.
    ///
    /// The steps: prepare (what changed since the last build), read (content → validated model),
    /// plan (every page to write), render, write data (files made from every report), commit. When
    /// nothing the site is made from changed (same portal-gen, options, settings, theme files,
    /// content files and date) and the output folder is exactly as the last build left it, nothing
    /// is rebuilt or written. Otherwise only the files that changed are parsed (see `ParseCache`),
    /// only the pages whose inputs changed are rendered (see `PageRenderer.inputs`), and only the
    /// files whose bytes changed are written.
    public func build() async throws(DiagnosticsError) -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let reader = PortalReader(content: options.content, displayBase: options.displayBase, progress: options.progress)
        let kept = Kept()
        defer { if options.skipsTeardown { _ = Unmanaged.passRetained(kept) } }

        let prepared = await prepare(reader.loader)
        if let previous = prepared.unchanged, officeInPlace(prepared.snapshot.config) {
            var timings = BuildTimings()
            timings.totalWall = BuildTimings.seconds(clock.now - start)
            timings.totalCPU = BuildTimings.processCPU()
            timings.filesUnchanged = previous.files.count
            return Result(
                reports: previous.reports, pages: previous.pages, files: 0, seconds: timings.totalWall,
                diagnostics: previous.warnings, timings: timings, unchanged: true)
        }
        var timings = BuildTimings()
        timings.prepareWall = BuildTimings.seconds(clock.now - start)

        let (read, portal, readDiagnostics) = try await self.read(prepared, with: reader, timings: &timings)
        kept.read = read
        var diagnostics = readDiagnostics
        let office = try officeFolder(for: portal, display: reader.loader.displayPath, diagnostics: &diagnostics)
        let planStart = clock.now
        let planned = try await plan(portal, read: read, prepared: prepared, loader: reader.loader, diagnostics: diagnostics)
        (kept.writer, kept.renderer, kept.plan, kept.theme) = (planned.writer, planned.renderer, planned.plan, planned.theme)
        timings.planWall = BuildTimings.seconds(clock.now - planStart)
        let beside = makeBeside(planned, portal: portal, parsed: read.cache)
        do throws(DiagnosticsError) {
            let renderStart = clock.now
            let work = try await render(planned)
            diagnostics += work.diagnostics
            timings.record(work, pages: planned.plan.pages.count, seconds: BuildTimings.seconds(clock.now - renderStart))

            let dataStart = clock.now
            var written = work.written
            timings.searchWall = try await writeData(planned, portal: portal, beside: beside, written: &written)
            if diagnostics.hasErrors { throw DiagnosticsError([]) }

            let commitStart = clock.now
            timings.dataWall = BuildTimings.seconds(commitStart - dataStart)
            try await commit(planned, portal: portal, prepared: prepared, warnings: diagnostics, written: written)
            timings.commitWall = BuildTimings.seconds(clock.now - commitStart)
            if let office {
                try OfficeCopy.write(renderer: planned.renderer, office: office, output: options.output, displayPath: reader.loader.displayPath)
            }
            kept.written = written
            timings.filesUnchanged = written.filter(\.unchanged).count
            timings.filesWritten = written.count - timings.filesUnchanged
        } catch {
            // The files being made are written into the staging folder: let them finish before it goes.
            await beside.settle()
            planned.writer.discard()
            throw DiagnosticsError(planned.notices + diagnostics + error.diagnostics)
        }
        timings.totalWall = BuildTimings.seconds(clock.now - start)
        timings.totalCPU = BuildTimings.processCPU()
        return Result(
            reports: portal.reports.count, pages: planned.plan.pages.count, files: timings.filesWritten,
            seconds: timings.totalWall, diagnostics: planned.notices + diagnostics, timings: timings, unchanged: false)
    }

    /// Step 2: the content folder read, validated and checked. Returns the model and every
    /// diagnostic to show (arithmetic findings as warnings unless `--strict`); throws when the
    /// content has errors.
    private func read(_ prepared: Prepared, with reader: PortalReader, timings: inout BuildTimings) async throws(DiagnosticsError)
        -> (PortalReader.Result, Portal, [Diagnostic])
    {
        let read = await reader.read(prepared.snapshot, reusing: prepared.cache, today: options.today)
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
        guard let portal = read.portal else { throw DiagnosticsError(prepared.notices + diagnostics) }
        if portal.config.unsafeHTML {
            let settings = reader.loader.displayPath(options.content.appendingPathComponent(ContentLoader.settingsFile))
            diagnostics.append(
                .warning(
                    .unsafeHTMLEnabled,
                    at: SourceLocation(file: settings, line: 1)))
        }
        if diagnostics.hasErrors { throw DiagnosticsError(prepared.notices + diagnostics) }
        return (read, portal, diagnostics)
    }

    /// What step 3 decided: the theme, the writer (the output folder locked and checked), every
    /// page to write and the renderer.
    private struct Planned: Sendable {
        var theme: Theme
        var writer: OutputWriter
        var plan: SitePlan
        var renderer: PageRenderer
        var knownPaths: Set<String>
        var pathsFingerprint: String
        /// Warnings about ignored records, shown with the build's other diagnostics.
        var notices: [Diagnostic]
    }

    /// Step 3: loads the theme, opens the output folder for writing and plans every page.
    private func plan(_ portal: Portal, read: PortalReader.Result, prepared: Prepared, loader: ContentLoader, diagnostics: [Diagnostic])
        async throws(DiagnosticsError) -> Planned
    {
        let notices = prepared.notices
        let themeURL = try resolveTheme(options.theme ?? portal.config.theme, display: loader.displayPath)
        let theme: Theme
        do {
            theme = try Theme.load(from: themeURL, displayPath: loader.displayPath)
        } catch {
            throw DiagnosticsError(notices + diagnostics + error.diagnostics)
        }
        let writer: OutputWriter
        do {
            writer = try await OutputWriter(
                output: options.output, protected: [options.content, themeURL], fresh: options.fresh,
                atomic: options.atomic, faults: options.faults, known: prepared.known,
                displayPath: { loader.displayPath($0) })
        } catch {
            throw DiagnosticsError(notices + diagnostics + error.diagnostics)
        }
        let plan = SitePlan(portal: portal, search: theme.templateInputs["search"] != nil)
        let sitePaths = plan.allPaths + theme.assets.map(\.path)
        let site = BuildManifest.siteFingerprint(
            version: PortalKit.version, options: fingerprintOptions(themeURL), settings: prepared.snapshot.settingsHash)
        return Planned(
            theme: theme, writer: writer, plan: plan,
            renderer: PageRenderer(
                portal: portal, theme: theme, findings: read.findings, siteFingerprint: site, today: options.today,
                hasSearch: plan.searchLayout != nil),
            knownPaths: Set(sitePaths), pathsFingerprint: ContentHash.of(sitePaths.joined(separator: "\n")),
            notices: notices + writer.notices)
    }

    /// The files made from every report (the sitemap, `reports.csv`, `reports.json`) and the parse
    /// cache, made while the pages render (each is one long job for one core) and written as they
    /// are made; a file whose inputs did not change is not made at all.
    private struct Beside: Sendable {
        var files: [(kept: OutputWriter.Written?, made: Task<Swift.Result<OutputWriter.Written, DiagnosticsError>?, Never>)]
        var cacheStaged: Task<Swift.Result<Void, DiagnosticsError>, Never>
        /// The tables of every report's JSON, laid out once for this build.
        var dataTemplates: OpenData.Templates
        /// The search index (see `SearchIndexWriter`) and the seconds it took; nil without search.
        var search: Task<(Swift.Result<SearchIndexWriter.Outcome, DiagnosticsError>, Double), Never>?

        /// Waits for all of them (after a failure, before the staging folder is removed).
        func settle() async {
            for file in files { _ = await file.made.value }
            _ = await cacheStaged.value
            _ = await search?.value
        }
    }

    private func makeBeside(_ planned: Planned, portal: Portal, parsed: ParseCache?) -> Beside {
        let (writer, renderer, plan) = (planned.writer, planned.renderer, planned.plan)
        let dataTemplates = OpenData.Templates()
        let sitemaps: [(path: String, make: @Sendable (inout FileSink) -> Void)] = plan.sitemapFiles.map { path in
            (path, { sink in Sitemap.write(path, plan: plan, portal: portal, into: &sink) })
        }
        let data: [(path: String, make: @Sendable (inout FileSink) -> Void)] = [
            (OpenData.csvPath, { sink in OpenData.csv(portal) { sink.append($0) } }),
            (OpenData.jsonPath, { sink in OpenData.json(portal, templates: dataTemplates) { sink.append($0) } }),
        ]
        let makers = sitemaps + data
        let files = makers.map { path, make in
            let inputs = renderer.everythingInputs(of: path, pathsFingerprint: planned.pathsFingerprint)
            let kept = writer.keep(path, inputs: inputs)
            return (
                kept: kept,
                made: Task { () -> Swift.Result<OutputWriter.Written, DiagnosticsError>? in
                    kept == nil ? Swift.Result { () throws(DiagnosticsError) in try writer.write(to: path, inputs: inputs, make) } : nil
                }
            )
        }
        let cacheStaged = Task { () -> Swift.Result<Void, DiagnosticsError> in
            Swift.Result { () throws(DiagnosticsError) in
                guard let parsed else { return }
                try writer.stage(record: ParseCache.fileName, kind: .parseCache) { sink in parsed.encode { sink.append($0) } }
            }
        }
        let parallelism = options.parallelism
        let search = plan.searchLayout.map { layout in
            Task { () -> (Swift.Result<SearchIndexWriter.Outcome, DiagnosticsError>, Double) in
                let clock = ContinuousClock()
                let start = clock.now
                let index = SearchIndexWriter(
                    portal: portal, layout: layout, writer: writer, siteFingerprint: renderer.siteFingerprint, parallelism: parallelism)
                do throws(DiagnosticsError) {
                    let outcome = try await index.write()
                    return (.success(outcome), BuildTimings.seconds(clock.now - start))
                } catch {
                    return (.failure(error), BuildTimings.seconds(clock.now - start))
                }
            }
        }
        return Beside(files: files, cacheStaged: cacheStaged, dataTemplates: dataTemplates, search: search)
    }

    /// Step 4: renders and writes the pages whose inputs changed.
    private func render(_ planned: Planned) async throws(DiagnosticsError) -> PageWork {
        try await renderAndWrite(
            planned.plan.pages, renderer: planned.renderer, knownPaths: planned.knownPaths,
            pathsFingerprint: planned.pathsFingerprint, writer: planned.writer)
    }

    /// Step 5: robots.txt, the files made beside the pages, each report's `data.json`, the assets,
    /// the parse cache and the search index.
    /// Returns the seconds the search index took (0 without search).
    private func writeData(_ planned: Planned, portal: Portal, beside: Beside, written: inout [OutputWriter.Written]) async throws(DiagnosticsError)
        -> Double
    {
        let writer = planned.writer
        written.append(try writer.write(Sitemap.robots(portal: portal), to: "robots.txt"))
        for file in beside.files {
            if let kept = file.kept {
                written.append(kept)
            } else if let made = await file.made.value {
                written.append(try made.get())
            }
        }
        let display = ContentLoader(root: options.content, displayBase: options.displayBase).displayPath
        let attached = try await AttachmentCopier(content: options.content, writer: writer, displayPath: display).copy(portal, parallelism: options.parallelism)
        written += attached.written
        try await writeReportData(
            portal, renderer: planned.renderer, writer: writer, templates: beside.dataTemplates, attachments: attached.byReport, written: &written)
        written += try await FeedFiles.write(planned.plan.feeds, portal: portal, renderer: planned.renderer, writer: writer, width: options.parallelism)
        for asset in planned.theme.assets { written.append(try writer.copy(asset.source, to: asset.path)) }
        if let badge = portal.config.identity.badge {
            written.append(try writer.copy(options.content.appendingPathComponent(badge.file), to: badge.outputPath))
        }
        try await beside.cacheStaged.value.get()
        guard let (search, seconds) = await beside.search?.value else { return 0 }
        written += try search.get().written
        return seconds
    }

    /// Step 6: makes the staged site the output, recording what it was made from.
    private func commit(_ planned: Planned, portal: Portal, prepared: Prepared, warnings: [Diagnostic], written: [OutputWriter.Written])
        async throws(DiagnosticsError)
    {
        // A content file edited after it was read is built as it was read; its new stamp makes the next build read it again.
        let fingerprint = await settledFingerprint(prepared, portal: portal, written: written)
        try planned.writer.commit(
            OutputWriter.Summary(
                inputs: fingerprint, warnings: warnings.sortedForDisplay(), reports: portal.reports.count, pages: planned.plan.pages.count),
            written: written)
    }

    /// Step 1: walks the content folder and reads the previous build's records (on other cores
    /// while this one walks), and tells whether anything changed since.
    private func prepare(_ loader: ContentLoader) async -> Prepared {
        let output = options.output.standardizedFileURL.resolvingSymlinksInPath()
        let fresh = options.fresh
        let memory = options.memory
        let displayPath = loader.displayPath
        // The manifest is read and the output folder looked at on other cores while this one walks
        // the content; the parse cache is read only once it is known to be needed.
        let manifestRead = Task { () -> (bytes: [UInt8], manifest: BuildManifest)? in
            guard !fresh, let read = await BuildManifest.read(from: output, memory: memory), case .success(let manifest) = read.manifest else { return nil }
            return (read.bytes, manifest)
        }
        let scan = Task { () -> BuildManifest.Reading? in
            guard let (bytes, manifest) = await manifestRead.value else { return nil }
            return BuildManifest.Reading(bytes: bytes, manifest: manifest, tree: await OutputTree.scan(output.path, expecting: manifest))
        }
        let snapshot = loader.snapshot()
        let fingerprint = inputFingerprint(snapshot, loader: loader)
        var notices: [Diagnostic] = []
        if let fingerprint, let read = await manifestRead.value, read.manifest.inputs == fingerprint, !OutputRecovery.isPending(output),
            let known = await scan.value, OutputWriter.compare(known.manifest, with: known.tree).exact
        {
            return Prepared(snapshot: snapshot, fingerprint: fingerprint, cache: nil, notices: [], unchanged: known.manifest, known: known)
        }
        let cacheRead = Task { fresh ? nil : await ParseCache.load(from: output, scope: loader.cacheScope, memory: memory) }
        let known = await scan.value
        var cache: ParseCache?
        switch await cacheRead.value {
        case .success(let loaded): cache = loaded
        case .failure(let rejection):
            notices.append(
                .warning(
                    .recordIgnored(record: .parseCache, path: displayPath(output.appendingPathComponent(ParseCache.fileName)), problem: rejection.problem),
                    at: nil))
        case nil: break
        }
        return Prepared(snapshot: snapshot, fingerprint: fingerprint, cache: cache, notices: notices, unchanged: nil, known: known)
    }

    /// The fingerprint of the inputs to record for the next build's nothing-changed test; empty when
    /// it cannot be told for certain. A report file modified just before the walk may have been
    /// modified again since without its stamp changing: once the clock has moved past that moment,
    /// its stamp and text are looked at again, and they must be what was built.
    private func settledFingerprint(_ prepared: Prepared, portal: Portal, written: [OutputWriter.Written]) async -> String {
        guard let fingerprint = prepared.fingerprint else { return "" }
        let recent = prepared.snapshot.recentEntries
        let recentAttachments = prepared.snapshot.attachmentFiles.filter(prepared.snapshot.isRecent)
        let settledAt = (recent + recentAttachments).map {
            max($0.modified, $0.changed) + ContentLoader.Snapshot.racyWindow(modified: $0.modified, changed: $0.changed)
        }
        guard let settled = settledAt.max() else { return fingerprint }
        let wait = settled - ContentLoader.Snapshot.now()
        if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait)) }
        let hashes = Dictionary(portal.reports.map { ($0.file, $0.contentHash) }, uniquingKeysWith: { first, _ in first })
        for entry in recent {
            guard ContentLoader.stamp(of: entry.path) == entry.stamp, let expected = hashes[entry.path],
                let text = try? SourceText.read(URL(fileURLWithPath: entry.path), displayPath: entry.path).text,
                ContentHash.of(text) == expected
            else { return "" }
        }
        guard AttachmentCopier.stillCopied(recentAttachments, portal: portal, content: options.content, written: written) else { return "" }
        return fingerprint
    }

    /// Fingerprint of everything the build reads, or nil when it cannot be told cheaply (then the
    /// build runs in full).
    private func inputFingerprint(_ snapshot: ContentLoader.Snapshot, loader: ContentLoader) -> String? {
        guard let config = snapshot.config,
            let themeURL = try? resolveTheme(options.theme ?? config.theme, display: loader.displayPath)
        else { return nil }
        return BuildManifest.fingerprint(
            version: PortalKit.version, options: fingerprintOptions(themeURL) + " office=\(options.office?.standardizedFileURL.path ?? "-")",
            settings: snapshot.settingsHash, theme: themeURL, contentStamps: snapshot.stampsFingerprint, today: options.today)
    }

    /// Where to write the office's copy of the supervision page, if anywhere; a folder that overlaps
    /// the output folder is refused before anything is written. Adds the settings' notices.
    private func officeFolder(for portal: Portal, display: (URL) -> String, diagnostics: inout [Diagnostic]) throws(DiagnosticsError) -> URL? {
        switch (portal.config.supervision, options.office) {
        case (.none, _?):
            diagnostics.append(.warning(.officeIgnored, at: nil))
            return nil
        case (.office, nil):
            diagnostics.append(.warning(.officeNotRequested, at: nil))
            return nil
        case (_, let office?) where !portal.reports.isEmpty:
            if OfficeCopy.overlaps(office: office, output: options.output) {
                throw DiagnosticsError(diagnostics + [.error(.officeFolderInsideOutput(office: display(office), output: display(options.output)), at: nil)])
            }
            return office
        default:
            return nil
        }
    }

    /// Whether the office's copy, when one is asked for, is where the last build wrote it: a build
    /// with nothing changed writes nothing, but must not leave it missing.
    private func officeInPlace(_ config: PortalConfig?) -> Bool {
        guard let office = options.office, config?.supervision != SupervisionPublication.none else { return true }
        return FileManager.default.fileExists(atPath: office.appendingPathComponent(OfficeCopy.fileName).path)
    }

    private func fingerprintOptions(_ themeURL: URL) -> String {
        "theme=\(themeURL.standardizedFileURL.path) strict=\(options.strict)"
    }

    /// Each report's `data.json`, written on all cores; a report whose file did not change keeps its
    /// file. What was written is added to `written`.
    private func writeReportData(
        _ portal: Portal, renderer: PageRenderer, writer: OutputWriter, templates: OpenData.Templates,
        attachments: [ReportID: [AttachmentCopier.Copied]] = [:], written: inout [OutputWriter.Written]
    ) async throws(DiagnosticsError) {
        let outcomes = await portal.reports.concurrentMap(width: options.parallelism) { report -> Swift.Result<OutputWriter.Written, DiagnosticsError> in
            let path = OpenData.reportPath(report)
            let copied = attachments[report.id] ?? []
            // The attachments' digests are what their files hold: the file changes with them.
            let inputs = renderer.dataInputs(of: report).map { copied.isEmpty ? $0 : ContentHash.of($0 + "\n" + AttachmentData.fingerprint(copied)) }
            if let kept = writer.keep(path, inputs: inputs) { return .success(kept) }
            return Swift.Result { () throws(DiagnosticsError) in
                try writer.write(OpenData.json(of: report, config: portal.config, templates: templates, attachments: copied), to: path, inputs: inputs)
            }
        }
        for outcome in outcomes { written.append(try outcome.get()) }
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
        var pages = 0
    }

    /// Renders pages on all cores with a bounded number in flight, writing each as soon as it is done.
    private func renderAndWrite(
        _ pages: [SitePage], renderer: PageRenderer, knownPaths: Set<String>, pathsFingerprint: String,
        writer: OutputWriter
    ) async throws(DiagnosticsError) -> PageWork {
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
        kept.written.reserveCapacity(pages.count + renderer.portal.reports.count + 64)
        var toRender: [(index: Int, inputs: String?)] = []
        for (index, decision) in decisions.enumerated() {
            if let file = decision.kept { kept.written.append(file) } else { toRender.append((index, decision.inputs)) }
        }
        let outcome: Swift.Result<PageWork, DiagnosticsError> = await withTaskGroup(of: Swift.Result<PageWork, DiagnosticsError>.self) { group in
            var next = 0
            var total = kept
            var found: [(Int, [Diagnostic])] = []
            func add(_ group: inout TaskGroup<Swift.Result<PageWork, DiagnosticsError>>) {
                let (pageIndex, inputs) = toRender[next]
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
                        written = try writer.write(rendered.html, to: page.path, inputs: inputs)
                    } catch {
                        return .failure(error)
                    }
                    return .success(
                        PageWork(
                            diagnostics: rendered.diagnostics, pageIndex: pageIndex, markdown: rendered.markdownSeconds, templates: rendered.templateSeconds,
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
    func resolveTheme(_ value: String, display: (URL) -> String) throws(DiagnosticsError) -> URL {
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
                // A theme folder reached through a link (the theme's own top-level link) is followed once, here.
                return candidate.standardizedFileURL.resolvingSymlinksInPath()
            }
        }
        throw DiagnosticsError([.error(.themeNotFound(name: value, tried: candidates.map { display($0.standardizedFileURL) }), at: nil)])
    }
}
