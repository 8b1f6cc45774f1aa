import Foundation

/// Substring search on UTF-8 bytes, for hot paths where Foundation's locale-aware search is too slow.
enum ByteSearch {
    /// Whether `text` holds `word`, byte for byte: `memchr` to each candidate first byte, then `memcmp`.
    static func contains(_ text: Substring, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard length > 0 else { return true }
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress, bytes.count >= length else { return false }
            let first = Int32(word.utf8Start.pointee), last = bytes.count - length
            var offset = 0
            while offset <= last, let found = memchr(base + offset, first, last - offset + 1) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, word.utf8Start, length) == 0 { return true }
                offset += 1
            }
            return false
        }) {
            return found
        }
        return contains(Substring(String(text)), word)
    }
}
