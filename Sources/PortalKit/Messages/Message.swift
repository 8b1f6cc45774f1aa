/// Everything portal-gen says to the people who run it, each message once, by its identity.
///
/// A message is a case with the values it shows; its words live in the catalog
/// (`Message+Chinese.swift`, `Message+English.swift`), written once per language. Code and tests
/// speak of a message by its case, never by its wording; tools see its `id`.
public enum Message: Sendable, Hashable, Codable {
    /// Transitional: words not yet in the catalog (removed when every message is converted).
    case unconverted(String)

    // MARK: - Preview (serve)
    /// The address to open the preview at, once the server listens.
    case previewAddress(url: String)
    /// With `--lan`: the addresses a phone or another computer on the office network can open.
    case previewNetworkAddresses(urls: [String])
    /// With `--lan` when the machine has no network address other than loopback.
    case previewNoNetworkAddress
    /// What the preview watches for changes.
    case previewWatching(folders: [String])
    /// Watching is impossible (inotify refused): the preview still serves, rebuilding never.
    case previewCannotWatch(reason: String)
    /// The summary of the first build, or of a long rebuild.
    case previewBuilt(reports: Int, pages: Int, written: Int, unchanged: Int, output: String, seconds: Double)
    /// The first build found nothing to do: the output folder is exactly what the content makes.
    case previewUpToDate(reports: Int, pages: Int, output: String, seconds: Double)
    /// One line after a quick rebuild: what changed, what was written.
    case previewRebuilt(changed: [String], written: Int, seconds: Double)
    /// The build failed; its diagnostics were printed above and are shown in the browser.
    case previewBuildFailed(errors: Int)
    /// The port asked for is taken by another program.
    case previewPortInUse(host: String, port: Int)
    /// The server could not listen for another reason.
    case previewCannotListen(host: String, port: Int, reason: String)
    /// Printed on Ctrl-C, once the server has stopped.
    case previewStopped
    /// The heading of the error overlay in the browser.
    case previewOverlayTitle(errors: Int)
    /// Below the overlay's list: how it goes away.
    case previewOverlayHint
    /// The title of the page shown when no build has succeeded yet.
    case previewNoSiteTitle
    /// `serve --help`: what the command does.
    case serveAbstract
    /// `serve --help`: the longer explanation.
    case serveDiscussion
    /// `serve --help`: the options.
    case serveHelpContent
    case serveHelpTheme
    case serveHelpOutput
    case serveHelpStrict
    case serveHelpPort
    case serveHelpLAN
    case serveHelpLanguage
    case serveHelpJobs
    /// `--lang` was given a language portal-gen does not speak.
    case serveUnknownLanguage(name: String)
    /// `--port` out of range.
    case servePortOutOfRange(port: Int)
    /// `--jobs` below one.
    case serveJobsTooFew

    // MARK: - Scaffold (init, new)
}

extension Message {
    /// The stable identity of the message (its case name, e.g. `unknownKey`), for tools and JSON.
    public var id: String {
        if let label = Mirror(reflecting: self).children.first?.label { return label }
        return String(describing: self)
    }

    /// The message in words, in the given language.
    public func text(_ language: Language) -> String {
        switch language {
        case .chinese: chinese
        case .english: english
        }
    }
}

extension Double {
    /// Seconds as messages show them, with two decimals (`0.09`), the same in every language.
    var twoDecimals: String {
        let hundredths = Int((self * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
