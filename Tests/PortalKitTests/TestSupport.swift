import Foundation
@_exported import PortalTestSupport

@testable import PortalKit

func parseSettings(_ text: String, path: String = "portal.yml") -> (PortalConfig?, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let config = PortalConfigLoader.parse(SourceText(path: path, text: text), diagnostics: &diagnostics)
    return (config, diagnostics)
}

func parseReport(_ text: String, path: String = "r.md") -> (ReportSource?, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let report = ReportSource.parse(SourceText(path: path, text: text), diagnostics: &diagnostics)
    return (report, diagnostics)
}
