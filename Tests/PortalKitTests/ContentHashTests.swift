import Foundation
import Testing

@testable import PortalKit

@Suite struct ContentHashTests {
    @Test func equalBytesGiveEqualFingerprintsAndTextMatchesItsBytes() {
        let text = "二、主动公开政府信息情况\n" + String(repeating: "城关镇人民政府 ", count: 50)
        #expect(ContentHash.of(text) == ContentHash.of(Data(text.utf8)))
        #expect(ContentHash.of(text) == ContentHash.of(String(text)))
    }

    /// Every prefix of a text, and every one-byte change anywhere in it, gives another fingerprint:
    /// the bulk lanes, the 8-byte words and the tail bytes all count.
    @Test func anyChangedByteOrLengthChangesTheFingerprint() {
        let bytes = [UInt8]((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        var seen = Set<String>()
        for length in 0...bytes.count { seen.insert(ContentHash.of(Data(bytes.prefix(length)))) }
        #expect(seen.count == bytes.count + 1)
        let original = ContentHash.of(Data(bytes))
        for position in bytes.indices {
            var changed = bytes
            changed[position] ^= 0x01
            #expect(ContentHash.of(Data(changed)) != original, "byte \(position)")
        }
        #expect(ContentHash.of(Data(repeating: 0, count: 64)) != ContentHash.of(Data(repeating: 0, count: 65)))
    }
}

extension ContentHashTests {
    /// Bytes fed in pieces of any size give the fingerprint of the same bytes at once.
    @Test func piecesGiveTheSameFingerprintAsTheWhole() {
        let bytes = [UInt8]((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) })
        let whole = ContentHash.of(Data(bytes))
        for piece in [1, 3, 7, 8, 31, 32, 33, 64, 100, 999] {
            var hash = ContentHash()
            for start in stride(from: 0, to: bytes.count, by: piece) { hash.update(Array(bytes[start..<min(start + piece, bytes.count)])) }
            #expect(hash.value == whole, "pieces of \(piece)")
        }
    }
}
