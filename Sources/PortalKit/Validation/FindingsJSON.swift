import Foundation

/// The JSON form of `portal-gen check --format json`, for other tools.
public enum FindingsJSON {
    struct Entry: Encodable {
        var file: String?
        var line: Int?
        var column: Int?
        var severity: String
        var rule: String?
        var rule_name: String?
        var message_id: String
        var message: String
    }

    /// An array of `{file, line, column, severity, rule, rule_name, message_id, message}`, in display
    /// order; `severity`, `rule` and `message_id` are stable keys, the words are in `language`.
    public static func encode(_ diagnostics: [Diagnostic], language: Language = .chinese) throws -> Data {
        let entries = diagnostics.map {
            Entry(
                file: $0.location?.file, line: $0.location?.line, column: $0.location?.column,
                severity: $0.severity.rawValue, rule: $0.rule?.rawValue, rule_name: $0.rule?.name(language),
                message_id: $0.message.id, message: $0.message.text(language))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(entries)
    }
}
