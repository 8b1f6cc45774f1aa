import Foundation

/// The first stages shared by `build` and `check`: load the content folder, validate it and run
/// the statistics rules. Nothing is written.
public struct PortalReader: Sendable {
    public struct Result: Sendable {
        /// The validated model; nil when errors in the content made it impossible to build.
        var portal: Portal?
        /// Problems with the content itself (always errors or warnings as they are).
        public var diagnostics: [Diagnostic]
        /// Findings of the statistics rules, with the severity of the official rule table: for every
        /// report that could be read, also when others could not.
        public var findings: [Diagnostic]
        /// How many reports were read and checked.
        public var checked = 0
        /// True when the content folder or a file could not be read at all.
        public var unreadable: Bool
        /// Seconds spent loading and validating, and running the statistics rules.
        var loadSeconds: Double = 0
        var checkSeconds: Double = 0
        /// The parsed files, for the next build (see `ParseCache`), and how many were reused from the last one.
        var cache: ParseCache?
        var reused = 0
    }

    let loader: ContentLoader

    public init(content: URL, displayBase: URL, progress: ProgressCounter? = nil) {
        loader = ContentLoader(root: content, displayBase: displayBase, progress: progress)
    }

    /// Files unchanged since `cache` was made are taken from it instead of being parsed.
    public func read() async -> Result {
        await read(loader.snapshot())
    }

    /// Reads the reports of a snapshot of the folder taken earlier in the build.
    /// `today` decides which dates are still to come.
    func read(_ snapshot: ContentLoader.Snapshot, reusing cache: ParseCache? = nil, today: CalendarDate = .today) async -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = await loader.load(snapshot, reusing: cache)
        var diagnostics = loaded.diagnostics
        let unreadable = loaded.unreadable
        guard let config = loaded.config else {
            return Result(portal: nil, diagnostics: diagnostics, findings: [], unreadable: unreadable)
        }
        // Every report that could be read is validated and checked, even when others could not:
        // `check` lists every finding at once.
        let attached = AttachmentCheck(root: loader.root, snapshot: snapshot).check(loaded.reports)
        diagnostics += attached.diagnostics
        let (portal, problems) = Validator.validate(config: config, sources: loaded.reports, attachments: attached.attachments, today: today)
        diagnostics += problems
        diagnostics += CompilationCheck.overflows(portal)
        let loadEnd = clock.now
        let findings = await StatisticsChecker.check(portal)
        return Result(
            portal: diagnostics.hasErrors ? nil : portal, diagnostics: diagnostics, findings: findings, checked: portal.reports.count, unreadable: unreadable,
            loadSeconds: BuildTimings.seconds(loadEnd - start), checkSeconds: BuildTimings.seconds(clock.now - loadEnd),
            cache: loaded.cache, reused: loaded.reused)
    }
}
