/// Substring search on UTF-8 bytes, for hot paths where Foundation's locale-aware search is too slow.
enum ByteSearch {
    static func contains(_ text: Substring, _ word: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard let first = needle.first else { return true }
        var utf8 = text.utf8[...]
        while let start = utf8.firstIndex(of: first) {
            let candidate = utf8[start...]
            if candidate.starts(with: needle) { return true }
            utf8 = candidate.dropFirst()
        }
        return false
    }
}
