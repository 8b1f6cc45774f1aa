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
