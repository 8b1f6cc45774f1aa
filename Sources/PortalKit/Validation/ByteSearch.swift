import Foundation

/// Searches on UTF-8 bytes, for hot paths where Foundation's locale-aware search is too slow:
/// whole files, every page's markup, every line of every narrative.
enum ByteSearch {
    /// Where `byte` first occurs in `bytes` at or after `start` (C's `memchr`).
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `text` holds `word`, byte for byte: to each candidate first byte, then `memcmp`.
    static func contains(_ text: Substring, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard length > 0 else { return true }
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress, bytes.count >= length else { return false }
            // Candidates start no later than `count - length`: search only that far.
            let starts = UnsafeBufferPointer(start: base, count: bytes.count - length + 1)
            var offset = 0
            while let candidate = firstIndex(of: word.utf8Start.pointee, in: starts, from: offset) {
                if memcmp(base + candidate, word.utf8Start, length) == 0 { return true }
                offset = candidate + 1
            }
            return false
        }) {
            return found
        }
        return contains(Substring(String(text)), word)
    }
}
