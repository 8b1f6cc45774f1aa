import Foundation

/// A fast 64-bit fingerprint of bytes, for telling whether an input or a page changed.
/// Not a security measure: it only decides whether a file must be written again.
///
/// Every byte of the site (hundreds of megabytes at national scale) is fingerprinted on each
/// build, so the bytes are read eight at a time into four independent lanes, each mixed with a
/// multiply and a rotation, and the lanes are folded together at the end. Bytes can be fed in
/// pieces (`update`), so files written as a stream are fingerprinted without holding them whole.
struct ContentHash: Sendable {
    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.value
    }

    static func of(_ data: Data) -> String {
        data.withUnsafeBytes { of($0) }
    }

    static func of(_ text: String) -> String {
        var hash = ContentHash()
        hash.update(text)
        return hash.value
    }

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
    /// Bytes not yet making a whole 32-byte block.
    private var pending: [UInt8] = []
    private var count: UInt64 = 0

    init() {}

    @inline(__always)
    private static func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = lane &+ word &* prime2
        return ((mixed << 31) | (mixed >> 33)) &* prime1
    }

    @inline(__always)
    private mutating func block(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        lanes.0 = Self.mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        lanes.1 = Self.mix(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        lanes.2 = Self.mix(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
        lanes.3 = Self.mix(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
    }

    /// Adds bytes; the fingerprint of bytes fed in pieces equals that of the same bytes at once.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        count &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(32 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            guard pending.count == 32 else { return }
            let full = pending
            full.withUnsafeBytes { block($0, at: 0) }
            pending.removeAll(keepingCapacity: true)
        }
        while offset + 32 <= bytes.count {
            block(bytes, at: offset)
            offset += 32
        }
        if offset < bytes.count { pending.append(contentsOf: bytes[offset...]) }
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds `text`'s UTF-8 bytes.
    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// The fingerprint as exactly 16 hexadecimal digits (for records of a fixed layout).
    var fixedWidthValue: String {
        let text = value
        return String(repeating: "0", count: 16 - text.utf8.count) + text
    }

    /// The fingerprint of everything fed so far, as hexadecimal text.
    var value: String {
        var hash = lanes.0 ^ (lanes.1 &* 3) ^ (lanes.2 &* 5) ^ (lanes.3 &* 7) ^ count
        pending.withUnsafeBytes { tail in
            var offset = 0
            while offset + 8 <= tail.count {
                hash = Self.mix(hash, tail.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            while offset < tail.count {
                hash = Self.mix(hash, UInt64(tail[offset]))
                offset += 1
            }
        }
        // Final avalanche, so that nearby inputs give unrelated fingerprints.
        hash ^= hash >> 33
        hash &*= Self.prime2
        hash ^= hash >> 29
        hash &*= Self.prime1
        hash ^= hash >> 32
        return String(hash, radix: 16)
    }
}
