import ArgumentParser
import Foundation
import PortalKit

@main
struct PortalGen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal-gen",
        abstract: "Build a static portal of government information disclosure annual reports (政府信息公开工作年度报告).",
        discussion: """
            A portal is a content folder (portal.yml plus one Markdown file per report) and a theme \
            folder. `portal-gen build` turns them into a static site that can be copied to any web server.
            """,
        version: PortalKit.version,
        subcommands: [BuildCommand.self, CheckCommand.self, ImportCommand.self, ServeCommand.self]
    )

    /// Runs the command; usage errors exit with status 2 (like unreadable input), not ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
