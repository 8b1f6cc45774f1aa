import ArgumentParser
import Foundation
import PortalKit

/// The options that say which site to make, shared by `build` and `serve` (what is previewed is
/// what is built).
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpContent), valueName: LanguageOptions.help(.valueFolder)))
    var content: String = "Content"

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpTheme), valueName: LanguageOptions.help(.valueTheme)))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpOutput), valueName: LanguageOptions.help(.valueFolder)))
    var output: String = "Output"

    @Flag(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpStrict)))
    var strict = false

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.helpJobs), valueName: LanguageOptions.help(.valueCount)))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError(Message.jobsTooFew.text(PortalGen.prescannedLanguage(Array(CommandLine.arguments.dropFirst())))) }
    }

    /// The builder's options for these, paths taken from the working directory.
    func builderOptions(fresh: Bool = false) -> SiteBuilder.Options {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return SiteBuilder.Options(
            content: URL(fileURLWithPath: content, relativeTo: cwd), theme: theme, output: URL(fileURLWithPath: output, relativeTo: cwd),
            parallelism: jobs ?? ProcessInfo.processInfo.activeProcessorCount, strict: strict, fresh: fresh)
    }
}
