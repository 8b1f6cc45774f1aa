/// Everything portal-gen says to the people who run it, each message once, by its identity.
///
/// A message is a case with the values it shows; its words live in the catalog
/// (`Message+Chinese.swift`, `Message+English.swift`), written once per language. Code and tests
/// speak of a message by its case, never by its wording; tools see its `id`.
public enum Message: Sendable, Hashable, Codable {
    /// Transitional: words not yet in the catalog (removed when every message is converted).
    case unconverted(String)

    // MARK: - Preview (serve)

    // MARK: - Scaffold (init, new)

    /// `--help` of `init`: what the command does.
    case helpInitAbstract
    case helpInitDiscussion
    case helpInitFolder
    case helpCounty
    case helpHostOrgan
    case helpSiteName
    case helpContact
    case helpInitTownship
    case helpLanguage
    /// `--help` of `new`: what the command does.
    case helpNewAbstract
    case helpNewDiscussion
    case helpNewTownship
    case helpYear
    case helpContent
    /// `--lang` names no language portal-gen speaks.
    case unknownLanguage(String)
    /// `init` without a terminal to ask on, and options missing: every one, with an example command.
    case initMissingOptions([ScaffoldOption])
    /// `init` into a folder that already has a portal (its `portal.yml`).
    case initPortalExists(settings: String)
    /// The values given cannot make a valid portal.yml (the problems are listed above).
    case initInvalidValues
    /// End of input (Ctrl-D) while questions were asked.
    case initCancelled
    /// A file or folder of the new portal could not be written.
    case scaffoldWriteFailed(path: String, reason: String)
    /// The new portal is ready: where, what it holds and what to do next.
    case initDone(folder: String, siteName: String, townships: Int, firstTownship: String, year: Int, keptTheme: Bool)
    /// The first line of the questions asked on a terminal.
    case askIntro
    case askCounty
    case askHostOrgan(county: String)
    case askContact
    case askSiteName(suggested: String)
    case askTownshipsIntro
    case askTownship(number: Int)
    /// A required answer was left empty.
    case askRequired
    /// The empty line came before any township.
    case askTownshipRequired
    case askTownshipRepeated(String)
    /// `new` without `--township` or `--year`.
    case newMissingOptions([ScaffoldOption], example: String)
    case newInvalidYear(String)
    /// A report covers a whole calendar year that has ended.
    case newYearNotEnded(year: Int, current: Int)
    /// `new` found no portal.yml in the content folder.
    case newNoSettings(settings: String)
    /// portal.yml has errors (listed above); `new` needs it to be right.
    case newSettingsInvalid(settings: String)
    case newUnknownTownship(String, closest: [String])
    /// `new` never overwrites a report.
    case newReportExists(path: String)
    /// The skeleton was written: where, and what to do next.
    case newWritten(path: String, check: String)
    /// A key is written but its value is still empty (as `new` leaves `published` and `index_number`).
    case valueToFill(key: String, label: String)
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
