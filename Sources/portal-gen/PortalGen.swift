import ArgumentParser
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
        subcommands: [BuildCommand.self, CheckCommand.self]
    )
}
