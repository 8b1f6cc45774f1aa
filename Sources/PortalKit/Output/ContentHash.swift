import Foundation

/// A fast 64-bit fingerprint of bytes (FNV-1a), for telling whether an input or a page changed.
/// Not a security measure: it only decides whether a file must be written again.
public enum ContentHash {
    public static func of(_ data: Data) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        data.withUnsafeBytes { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        return String(hash, radix: 16)
    }

    public static func of(_ text: String) -> String { of(Data(text.utf8)) }
}
