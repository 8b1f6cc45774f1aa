import Crypto

/// A SHA-256 digest made piece by piece as a file is streamed (swift-crypto), shown in lower-case
/// hex: the form `sha256sum` prints, so a supervisor can verify a downloaded original.
struct SHA256Digest {
    private var hasher = SHA256()

    init() {}

    static func hex(of bytes: [UInt8]) -> String {
        var digest = SHA256Digest()
        digest.update(bytes)
        return digest.hexDigest
    }

    mutating func update(_ bytes: [UInt8]) {
        hasher.update(data: bytes)
    }

    var hexDigest: String {
        hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
