import Testing

@testable import PortalKit

@Suite struct AmountTests {
    /// The byte writer used by open data gives exactly the text pages show.
    @Test func bytesAreTheTextAsWritten() throws {
        for text in ["0", "3", "-2", "24252.311082", "4068.20", "0.05", "0.000000001", "-0.5", "999999999999999999", "100"] {
            let amount = try #require(Amount(text))
            var bytes: [UInt8] = []
            amount.appendText(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == amount.text)
            #expect(amount.text == text)
        }
    }

    /// Sums are exact or refused: a total that fits is right whatever the order of its terms (even
    /// when partial sums do not fit), and a total that does not fit is nil, never a wrong figure.
    @Test func sumsAreExactOrRefused() throws {
        let big = Amount(mantissa: .max, scale: 0)
        let small = Amount(mantissa: .min, scale: 0)
        #expect(Amount.sum([big, big, small, small]) == Amount(-2))
        #expect(Amount.sum([big, Amount(1)]) == nil)
        #expect(Amount.sum([small, Amount(-1)]) == nil)
        #expect(Amount.sum([Amount(mantissa: 999_999_999_999_999_999, scale: 0), Amount(mantissa: 1, scale: 9)]) == nil, "aligning the places does not fit")
        #expect(Amount.sum([Amount(mantissa: 5, scale: 1), Amount(mantissa: 25, scale: 2)])?.text == "0.75")
        #expect(Amount.sum([Amount]())?.text == "0")
        let spec = StatisticsSchema.t4
        var huge = StatTable.zero(spec)
        huge[0, 4] = Amount(mantissa: 900_000_000_000_000_000, scale: 0)
        guard case .failure(let overflow) = StatTable.sum(spec, Array(repeating: huge, count: 11)) else {
            Issue.record("eleven times 9×10^17 does not fit")
            return
        }
        #expect(overflow.row == "行政复议" && overflow.column.label == "总计")
        #expect(try StatTable.sum(spec, Array(repeating: huge, count: 10)).get()[0, 4]?.text == "9000000000000000000")
    }
}
