import Foundation

/// A plain calendar date (year, month, day) with no time and no time zone.
///
/// Publication dates are legal facts printed on the report; they must never shift with the
/// machine's time zone, so they are never converted through `Date`.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil unless the date exists in the Gregorian calendar (so 2024-02-30 is rejected).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Reads a date as people write it: `2024-02-06`, `2024/2/6`, `2024.02.06`, `2024年2月6日`, in
    /// full-width digits too, possibly followed by a time; nil unless it is a real date.
    public init?(written text: String) {
        let ascii = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
                }))
        guard let range = ascii.range(of: #"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"#, options: .regularExpression) else { return nil }
        let numbers = ascii[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        self.init(year: numbers[0], month: numbers[1], day: numbers[2])
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Today in China (UTC+8), for checks only: no page shows a date that was not written in the content.
    public static var today: CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }

    /// `2025-01-20`
    public var iso: String {
        pad4(year) + "-" + pad2(month) + "-" + pad2(day)
    }

    /// `2025年1月20日`, the way dates are written on Chinese government pages.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public var description: String { iso }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

private func pad2(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
}

private func pad4(_ value: Int) -> String {
    let digits = "\(value)"
    return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
}
