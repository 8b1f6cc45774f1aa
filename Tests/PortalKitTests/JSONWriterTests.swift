import Foundation
import Testing

@testable import PortalKit

@Suite struct JSONWriterTests {
    /// Any text survives a round trip through a JSON parser, with or without characters that need
    /// escaping, and `<` never appears raw (the JSON may be inlined in HTML).
    @Test func stringsRoundTripAndAngleBracketsAreEscaped() throws {
        let alphabet = ["政府", "a", " ", "\"", "\\", "\n", "\r", "\t", "\u{1}", "<", ">", "&", "/", "📄", "'"]
        for text in randomTexts(from: alphabet, count: 500, seed: 7) {
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("value")
            writer.string(text)
            writer.endObject()
            let data = writer.data
            #expect(!data.contains(UInt8(ascii: "<")))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
            #expect(object["value"] == text, "\(text.debugDescription)")
        }
    }
}
