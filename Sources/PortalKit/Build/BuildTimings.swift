import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a build's time went, for `portal-gen build --timings FILE` and the benchmark.
///
/// `…Wall` are elapsed seconds of a stage; `…CPU` are seconds summed over every task of a stage
/// that runs on all cores, so they can exceed the wall time.
public struct BuildTimings: Codable, Sendable {
    /// Telling whether anything changed (the manifest, the content folder's file stamps, the theme) and reading the parse cache.
    public var prepareWall: Double = 0
    public var loadWall: Double = 0
    public var checkWall: Double = 0
    /// Loading the theme, locking the output folder, completing an interrupted build, comparing the
    /// folder with the manifest, and planning the pages.
    public var planWall: Double = 0
    public var renderWall: Double = 0
    /// After the pages: the files made from every report, each report's data file and the assets.
    public var dataWall: Double = 0
    /// Building and writing the search index (made while the pages render, on the same cores).
    public var searchWall: Double = 0
    /// Moving the changed files into the output folder and writing the manifest and parse cache.
    public var commitWall: Double = 0
    public var markdownCPU: Double = 0
    public var templatesCPU: Double = 0
    /// Template seconds by template name (`report`, `year`, …).
    public var templatesByName: [String: Double] = [:]
    public var writeCPU: Double = 0
    /// User plus system CPU time of the whole process.
    public var totalCPU: Double = 0
    public var totalWall: Double = 0
    public var pagesRendered: Int = 0
    public var pagesSkipped: Int = 0
    public var filesWritten: Int = 0
    public var filesUnchanged: Int = 0
    /// Report files taken from the previous build's parse cache instead of being parsed.
    public var filesReused: Int = 0

    public init() {}

    /// Records what rendering the pages cost (`pages`: how many pages the site has).
    mutating func record(_ work: SiteBuilder.PageWork, pages: Int, seconds: Double) {
        renderWall = seconds
        markdownCPU = work.markdown
        templatesCPU = work.templates
        templatesByName = work.templatesByName
        writeCPU = work.write
        pagesRendered = work.pages
        pagesSkipped = pages - work.pages
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The process's CPU time so far.
    static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
