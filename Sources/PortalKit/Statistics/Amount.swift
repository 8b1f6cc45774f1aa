import Foundation

/// One figure of a statistics table, kept exactly as published.
///
/// Counts and money (万元) alike are exact decimals held as an integer and a number of decimal
/// places: `24252.311082` is never rounded or printed with floating-point noise, and the text as
/// written (trailing zeros included) is what pages show. Two cells are equal when their values are.
struct Amount: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The figure is `mantissa / 10^scale`.
    let mantissa: Int64
    /// Digits after the decimal point, as written.
    let scale: Int8

    /// The most significant digits and decimal places a figure may have.
    static let maximumDigits = 18
    static let maximumScale = 9
    static let powers: [Int64] = (0...18).map { (0..<$0).reduce(Int64(1)) { value, _ in value * 10 } }

    static let zero = Amount(mantissa: 0, scale: 0)

    init(mantissa: Int64, scale: Int8) {
        self.mantissa = mantissa
        self.scale = scale
    }

    init(_ value: Int) {
        self.init(mantissa: Int64(value), scale: 0)
    }

    /// Parses a plain decimal number: an optional minus sign, digits, an optional fraction.
    init?(_ text: String) {
        var bytes = Substring(text).utf8[...]
        while let first = bytes.first, first == 0x20 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 { bytes = bytes.dropLast() }
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        var mantissa: Int64 = 0
        var scale = 0
        var digits = 0
        var sawPoint = false
        var sawDigit = false
        var digitsAfterPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !sawPoint, sawDigit else { return nil }
                sawPoint = true
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            if mantissa > 0 || byte != 0x30 { digits += 1 }
            guard digits <= Amount.maximumDigits else { return nil }
            mantissa = mantissa * 10 + Int64(byte - 0x30)
            sawDigit = true
            if sawPoint {
                scale += 1
                digitsAfterPoint = true
            }
        }
        guard sawDigit, !sawPoint || digitsAfterPoint, scale <= Amount.maximumScale else { return nil }
        self.init(mantissa: negative ? -mantissa : mantissa, scale: Int8(scale))
    }

    /// The figure as written: `3`, `24252.311082`, `4068.20`, `-2`.
    var text: String {
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as UTF-8 without making a string (open data writes millions of figures).
    func appendText(to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Amount.longestText) { buffer in
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: write(to: buffer.baseAddress!)))
        }
    }

    /// The most bytes `text` can take: a sign, 19 digits, a point and a leading zero.
    static let longestText = 24

    /// Writes `text` as UTF-8 at `out` (room for `longestText` bytes) and returns how many bytes it took.
    func write(to out: UnsafeMutablePointer<UInt8>) -> Int {
        if scale == 0, mantissa >= 0, mantissa < 10 {  // most figures are one digit, most of them 0
            out.pointee = UInt8(ascii: "0") + UInt8(mantissa)
            return 1
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, reversed
        return withUnsafeMutableBytes(of: &digits) { raw in
            let reversed = raw.bindMemory(to: UInt8.self)
            var count = 0
            var value = mantissa.magnitude
            repeat {
                reversed[count] = UInt8(ascii: "0") + UInt8(value % 10)
                count += 1
                value /= 10
            } while value > 0
            while count <= Int(scale) {
                reversed[count] = UInt8(ascii: "0")
                count += 1
            }
            var at = 0
            if mantissa < 0 {
                out[at] = UInt8(ascii: "-")
                at += 1
            }
            for position in stride(from: count - 1, through: 0, by: -1) {
                out[at] = reversed[position]
                at += 1
                if position == Int(scale), scale > 0 {
                    out[at] = UInt8(ascii: ".")
                    at += 1
                }
            }
            return at
        }
    }

    var description: String { text }
    var isNegative: Bool { mantissa < 0 }
    var isZero: Bool { mantissa == 0 }
    var isWholeNumber: Bool { scale == 0 || mantissa % Amount.powers[Int(scale)] == 0 }
    /// For charts only: never for arithmetic or display of figures.
    var approximateValue: Double { Double(mantissa) / Double(Amount.powers[Int(scale)]) }
    var decimal: Decimal { Decimal(mantissa) / Decimal(Amount.powers[Int(scale)]) }

    /// Both values with the same number of decimal places, or nil if that would overflow.
    private static func aligned(_ a: Amount, _ b: Amount) -> (Int64, Int64, Int8)? {
        let scale = max(a.scale, b.scale)
        let (x, o1) = a.mantissa.multipliedReportingOverflow(by: powers[Int(scale - a.scale)])
        let (y, o2) = b.mantissa.multipliedReportingOverflow(by: powers[Int(scale - b.scale)])
        return o1 || o2 ? nil : (x, y, scale)
    }

    static func == (a: Amount, b: Amount) -> Bool {
        guard let (x, y, _) = aligned(a, b) else { return a.decimal == b.decimal }
        return x == y
    }

    func hash(into hasher: inout Hasher) {
        var m = mantissa
        var s = scale
        while s > 0, m % 10 == 0 {
            m /= 10
            s -= 1
        }
        hasher.combine(m)
        hasher.combine(s)
    }

    static func < (a: Amount, b: Amount) -> Bool {
        guard let (x, y, _) = aligned(a, b) else { return a.decimal < b.decimal }
        return x < y
    }

    /// The exact sum of `terms`, or nil when it does not fit (beyond ±9.2×10^18 at the largest
    /// number of decimal places among the terms). Never a wrong figure: the terms are added in
    /// 128 bits, so only a total that cannot be written is refused, whatever the order of the terms.
    static func sum(_ terms: some Sequence<Amount>) -> Amount? {
        var total: Int128 = 0
        var scale: Int8 = 0
        for term in terms {
            if term.scale > scale {
                // At most 9 more places on at most 2^63 per term of at most 2^64 terms: fits in 128 bits.
                let (scaled, overflow) = total.multipliedReportingOverflow(by: Int128(powers[Int(term.scale - scale)]))
                guard !overflow else { return nil }
                total = scaled
                scale = term.scale
            }
            let (sum, overflow) = total.addingReportingOverflow(Int128(term.mantissa) * Int128(powers[Int(scale - term.scale)]))
            guard !overflow else { return nil }
            total = sum
        }
        guard let mantissa = Int64(exactly: total) else { return nil }
        return Amount(mantissa: mantissa, scale: scale)
    }

    /// The exact sum of two figures, or nil when it does not fit (see `sum`).
    static func sum(_ a: Amount, _ b: Amount) -> Amount? { sum([a, b]) }
}

extension Optional where Wrapped == Amount {
    /// A blank cell counts as 0 in sums (and is reported as not filled).
    var orZero: Amount { self ?? .zero }
}
