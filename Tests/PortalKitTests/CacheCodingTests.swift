import Testing

@testable import PortalKit

@Suite struct CacheCodingTests {
    /// Numbers of every size and sign read back as written, through the one-byte fast path and the
    /// general loop alike; a number cut short is damage, not a wrong value.
    @Test func numbersRoundTripAndTruncationIsDamage() throws {
        let values: [Int64] = [0, 1, -1, 63, -64, 64, -65, 127, 128, -128, 300, -300, 1 << 40, -(1 << 40), .max, .min]
        var writer = CacheWriter()
        for value in values { writer.int(value) }
        var reader = CacheReader(writer.bytes)
        for value in values { #expect(try reader.int() == value) }
        #expect(reader.atEnd)
        var cut = CacheReader(Array(writer.bytes.dropLast()))
        #expect(throws: CacheReader.Damaged.self) { for _ in values { _ = try cut.int() } }
    }
}
