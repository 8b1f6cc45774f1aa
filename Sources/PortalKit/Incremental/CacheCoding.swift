import Foundation

/// Appends values to a compact binary buffer for `ParseCache`: integers as variable-length
/// (zig-zag) numbers, strings as a length and their UTF-8 bytes.
///
/// Hand-written rather than `Codable`: the cache holds every cell of every report (2.5 million at
/// 10,000 reports) and must be read back in a small fraction of the half second an edit may cost.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int64) {
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while zigzag >= 0x80 {
            bytes.append(UInt8(zigzag & 0x7F) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    mutating func int(_ value: Int) { int(Int64(value)) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    /// Bytes written before, as they are (see `CacheReader.bytes(from:)`).
    mutating func raw(_ written: ArraySlice<UInt8>) {
        bytes.append(contentsOf: written)
    }
}

/// Reads what `CacheWriter` wrote; every read is bounds-checked and a damaged cache throws
/// (the build then parses every file, as if there were no cache).
struct CacheReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { position == bytes.count }

    /// Where the next read starts.
    var offset: Int { position }

    /// The bytes read since `start` (an earlier `offset`), sharing this reader's storage.
    func bytes(from start: Int) -> ArraySlice<UInt8> {
        bytes[start..<position]
    }

    /// The bytes of a `CacheWriter.block`, as a reader of their own.
    mutating func block() throws(Damaged) -> CacheReader {
        let length = try count()
        defer { position += length }
        return CacheReader(Array(bytes[position..<position + length]))
    }

    mutating func int() throws(Damaged) -> Int64 {
        // Most numbers (scales, small figures, lines and columns) fit in one byte.
        if position < bytes.count, bytes[position] < 0x80 {
            let byte = Int64(bytes[position])
            position += 1
            return (byte >> 1) ^ -(byte & 1)
        }
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1)
    }

    /// A count or size: never negative, never more than the bytes left could hold.
    mutating func count() throws(Damaged) -> Int {
        let value = try int()
        guard value >= 0, value <= Int64(bytes.count - position) else { throw Damaged() }
        return Int(value)
    }

    mutating func small() throws(Damaged) -> Int {
        let value = try int()
        guard value >= Int64(Int32.min), value <= Int64(Int32.max) else { throw Damaged() }
        return Int(value)
    }

    mutating func bool() throws(Damaged) -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Damaged() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func string() throws(Damaged) -> String {
        let length = try count()
        let text = bytes.withUnsafeBufferPointer { buffer in
            String(validating: UnsafeBufferPointer(rebasing: buffer[position..<position + length]), as: UTF8.self)
        }
        guard let text else { throw Damaged() }
        position += length
        return text
    }

    mutating func optionalString() throws(Damaged) -> String? {
        try bool() ? try string() : nil
    }
}
