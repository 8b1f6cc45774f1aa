import Foundation

/// A fast 64-bit fingerprint of bytes, for telling whether an input or a page changed.
/// Not a security measure: it only decides whether a file must be written again.
///
/// Every byte of the site (hundreds of megabytes at national scale) is fingerprinted on each
/// build, so the bytes are read eight at a time into four independent lanes, each mixed with a
/// multiply and a rotation, and the lanes are folded together at the end.
public enum ContentHash {
    public static func of(_ data: Data) -> String {
        data.withUnsafeBytes { String(of($0), radix: 16) }
    }

    public static func of(_ text: String) -> String {
        var text = text
        return text.withUTF8 { String(of(UnsafeRawBufferPointer($0)), radix: 16) }
    }

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always)
    private static func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = lane &+ word &* prime2
        return ((mixed << 31) | (mixed >> 33)) &* prime1
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
        var offset = 0
        while offset + 32 <= count {
            lanes.0 = mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = mix(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var hash = lanes.0 ^ (lanes.1 &* 3) ^ (lanes.2 &* 5) ^ (lanes.3 &* 7) ^ UInt64(count)
        while offset + 8 <= count {
            hash = mix(hash, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        while offset < count {
            hash = mix(hash, UInt64(bytes[offset]))
            offset += 1
        }
        // Final avalanche, so that nearby inputs give unrelated fingerprints.
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime1
        hash ^= hash >> 32
        return hash
    }
}
