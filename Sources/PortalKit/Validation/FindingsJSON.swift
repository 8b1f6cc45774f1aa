import Foundation

/// The JSON form of `portal-gen check --format json`, for other tools.
public enum FindingsJSON {
    struct Entry: Encodable {
        var file: String?
        var line: Int?
        var column: Int?
        var severity: String
        var rule: String?
        var message: String
    }

    /// An array of `{file, line, column, severity, rule, message}`, in display order.
    public static func encode(_ diagnostics: [Diagnostic]) throws -> Data {
        let entries = diagnostics.map {
            Entry(
                file: $0.location?.file, line: $0.location?.line, column: $0.location?.column,
                severity: $0.severity.rawValue, rule: $0.rule?.rawValue, message: $0.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(entries)
    }
}
