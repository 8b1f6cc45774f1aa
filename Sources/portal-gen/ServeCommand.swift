import ArgumentParser
import Foundation
import PortalKit

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: LanguageOptions.help(.serveAbstract),
        discussion: LanguageOptions.help(.serveDiscussion)
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp(LanguageOptions.help(.serveHelpPort), valueName: LanguageOptions.help(.valuePort)))
    var port: Int = 8000

    @Flag(name: .long, help: ArgumentHelp(LanguageOptions.help(.serveHelpLAN)))
    var lan = false

    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        let language = languageOptions.language
        if !(0...65535).contains(port) { throw ValidationError(Message.servePortOutOfRange(port: port).text(language)) }
    }

    func run() async throws {
        let language = languageOptions.language
        let build = site.builderOptions()
        let host = lan ? "0.0.0.0" : "127.0.0.1"
        let output = site.output
        let server = PreviewServer(options: .init(build: build, host: host, port: port, language: language)) { event in
            Self.show(event, language: language, output: output, lan: host != "127.0.0.1")
        }
        do {
            try await server.run()
        } catch {
            switch error {
            case .portInUse: Console.printError(Message.previewPortInUse(host: host, port: port).text(language))
            case .cannotListen(let reason): Console.printError(Message.previewCannotListen(host: host, port: port, reason: reason).text(language))
            }
            throw ExitCode(1)
        }
        Console.printOut([Message.previewStopped.text(language)])
    }

    /// Prints what the preview does: diagnostics and failures to standard error, the rest to standard output.
    static func show(_ event: PreviewServer.Event, language: Language, output: String, lan: Bool) {
        switch event {
        case .built(let result, let changed, let first):
            printDiagnostics(result.diagnostics, language: language)
            let written = result.files
            // The first build and a long one print the usual summary; a quick rebuild one line.
            if first || result.seconds >= 1 {
                let message: Message =
                    result.unchanged
                    ? .previewUpToDate(reports: result.reports, pages: result.pages, output: output, seconds: result.seconds)
                    : .previewBuilt(
                        reports: result.reports, pages: result.pages, written: written, unchanged: result.timings.filesUnchanged, output: output,
                        seconds: result.seconds)
                Console.printOut([message.text(language)])
            } else {
                Console.printOut([Message.previewRebuilt(changed: changed, written: written, seconds: result.seconds).text(language)])
            }
        case .failed(let diagnostics):
            printDiagnostics(diagnostics, language: language)
            Console.printError(Message.previewBuildFailed(errors: diagnostics.filter { $0.severity == .error }.count).text(language))
        case .listening(let port, let addresses):
            var lines = [Message.previewAddress(url: "http://127.0.0.1:\(port)/").text(language)]
            if lan {
                lines.append(
                    addresses.isEmpty
                        ? Message.previewNoNetworkAddress.text(language)
                        : Message.previewNetworkAddresses(urls: addresses.map { "http://\($0):\(port)/" }).text(language))
            }
            Console.printOut(lines)
        case .watching(let folders):
            Console.printOut([Message.previewWatching(folders: folders).text(language)])
        case .cannotWatch(let reason):
            Console.printError(Message.previewCannotWatch(reason: reason).text(language))
        }
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], language: Language) {
        for diagnostic in diagnostics.sortedForDisplay() { Console.printError(diagnostic.rendered(language)) }
    }
}
