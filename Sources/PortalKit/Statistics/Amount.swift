import Foundation

/// One figure of a statistics table, kept exactly as published.
///
/// Counts and money (万元) alike are exact decimals: `24252.311082` is never rounded or printed
/// with floating-point noise, and the text as written is what pages show.
public struct Amount: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: Decimal
    /// The figure as written in the content file (trimmed), shown on pages and in exports.
    public let text: String

    /// Parses a plain decimal number: optional minus sign, digits, optional fraction.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var body = Substring(trimmed)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, body.count <= 30, parts.count <= 2,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let value = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self.value = value
        self.text = trimmed
    }

    public init(_ value: Decimal) {
        self.value = value
        self.text = Amount.format(value)
    }

    public init(_ value: Int) {
        self.init(Decimal(value))
    }

    public static let zero = Amount(0)

    public var isWholeNumber: Bool {
        var value = value, rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return rounded == self.value
    }

    public var isNegative: Bool { value < 0 }

    public var description: String { text }

    public static func < (a: Amount, b: Amount) -> Bool { a.value < b.value }

    public static func + (a: Amount, b: Amount) -> Amount { Amount(a.value + b.value) }

    /// Exact decimal text of a computed value, without exponent or trailing noise.
    static func format(_ value: Decimal) -> String {
        var value = value
        return NSDecimalString(&value, Locale(identifier: "en_US_POSIX"))
    }

    /// Equality of values, not of text (`1.50` equals `1.5`).
    public func sameValue(as other: Amount) -> Bool { value == other.value }
}

extension Optional where Wrapped == Amount {
    /// A blank cell counts as 0 in sums (and is reported as not filled).
    public var orZero: Decimal { self?.value ?? 0 }
}
