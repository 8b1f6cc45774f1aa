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
}
