import Foundation

/// The first stages shared by `build` and `check`: load the content folder, validate it and run
/// the statistics rules. Nothing is written.
public struct PortalReader: Sendable {
    public struct Result: Sendable {
        /// The validated model; nil when errors in the content made it impossible to build.
        public var portal: Portal?
        /// Problems with the content itself (always errors or warnings as they are).
        public var diagnostics: [Diagnostic]
        /// Findings of the statistics rules, with the severity of the official rule table.
        public var findings: [Diagnostic]
        /// True when the content folder or a file could not be read at all.
        public var unreadable: Bool
        /// Seconds spent loading and validating, and running the statistics rules.
        public var loadSeconds: Double = 0
        public var checkSeconds: Double = 0
        /// The parsed files, for the next build (see `ParseCache`), and how many were reused from the last one.
        public var cache: ParseCache?
        public var reused = 0
    }

    public let loader: ContentLoader

    public init(content: URL, displayBase: URL) {
        loader = ContentLoader(root: content, displayBase: displayBase)
    }

    /// Files unchanged since `cache` was made are taken from it instead of being parsed.
    public func read(reusing cache: ParseCache? = nil) async -> Result {
        await read(loader.snapshot(), reusing: cache)
    }

    /// Reads the reports of a snapshot of the folder taken earlier in the build.
    public func read(_ snapshot: ContentLoader.Snapshot, reusing cache: ParseCache? = nil) async -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = await loader.load(snapshot, reusing: cache)
        var diagnostics = loaded.diagnostics
        let unreadable = loaded.unreadable
        guard let config = loaded.config, !diagnostics.hasErrors else {
            return Result(portal: nil, diagnostics: diagnostics, findings: [], unreadable: unreadable)
        }
        let (portal, problems) = Validator.validate(config: config, sources: loaded.reports)
        diagnostics += problems
        if diagnostics.hasErrors {
            return Result(portal: nil, diagnostics: diagnostics, findings: [], unreadable: unreadable)
        }
        let loadEnd = clock.now
        let findings = await StatisticsChecker.check(portal)
        return Result(portal: portal, diagnostics: diagnostics, findings: findings, unreadable: unreadable,
                      loadSeconds: BuildTimings.seconds(loadEnd - start), checkSeconds: BuildTimings.seconds(clock.now - loadEnd),
                      cache: loaded.cache, reused: loaded.reused)
    }
}
