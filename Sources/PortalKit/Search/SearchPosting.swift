import Foundation

/// The documents that contain one term: a list of document numbers while it is short, a bitmap
/// over every document number once that is smaller (a term found in most reports, 公开, costs
/// one bit per report in memory and in its shard).
///
/// Written into a term shard as the shortest of three encodings, each a letter and base64:
/// `L` the numbers ascending as LEB128 gaps (the first number, then each difference minus one),
/// `C` the same for the reports that do *not* contain the term (among all reports, see
/// `SearchLayout`), `B` a bitmap (bit `n % 8` of byte `n / 8` for document `n`, trailing zero bytes dropped).
struct SearchPosting: Sendable, Equatable {
    private enum Storage: Equatable {
        /// Ascending once `sort()` ran; appends may come in any order before.
        case list([UInt32])
        case bitmap([UInt64], count: Int)
    }

    private var storage: Storage = .list([])
    /// One more than the largest document number.
    let universe: Int

    init(universe: Int) {
        self.universe = universe
    }

    init(universe: Int, documents: [UInt32]) {
        self.universe = universe
        for document in documents { insert(document) }
        sort()
    }

    var count: Int {
        switch storage {
        case .list(let list): list.count
        case .bitmap(_, let count): count
        }
    }

    /// Adds a document (not already there); call `sort()` before reading the documents.
    mutating func insert(_ document: UInt32) {
        switch storage {
        case .list(var list):
            storage = .list([])
            list.append(document)
            // A list of more than one number per 32 documents is larger than the bitmap.
            if list.count * 32 > universe {
                var words = [UInt64](repeating: 0, count: (universe + 63) / 64)
                for item in list { words[Int(item) / 64] |= 1 << UInt64(item % 64) }
                storage = .bitmap(words, count: list.count)
            } else {
                storage = .list(list)
            }
        case .bitmap(var words, let count):
            storage = .list([])
            let bit: UInt64 = 1 << UInt64(document % 64)
            let added = words[Int(document) / 64] & bit == 0
            words[Int(document) / 64] |= bit
            storage = .bitmap(words, count: count + (added ? 1 : 0))
        }
    }

    /// Removes every document for which `remove` is true.
    mutating func remove(where remove: (UInt32) -> Bool) {
        let kept = documents.filter { !remove($0) }
        guard kept.count != count else { return }
        self = SearchPosting(universe: universe, documents: kept)
    }

    mutating func sort() {
        if case .list(var list) = storage {
            storage = .list([])
            list.sort()
            storage = .list(list)
        }
    }

    func contains(_ document: UInt32) -> Bool {
        switch storage {
        case .list(let list): list.contains(document)
        case .bitmap(let words, _): Int(document) < universe && words[Int(document) / 64] & (1 << UInt64(document % 64)) != 0
        }
    }

    /// The documents, ascending.
    var documents: [UInt32] {
        switch storage {
        case .list(let list): return list
        case .bitmap(let words, let count):
            var documents: [UInt32] = []
            documents.reserveCapacity(count)
            for (index, word) in words.enumerated() where word != 0 {
                var word = word
                while word != 0 {
                    documents.append(UInt32(index * 64 + word.trailingZeroBitCount))
                    word &= word - 1
                }
            }
            return documents
        }
    }

    // MARK: - Encoding

    /// The shortest encoding; `all` is every report's number, ascending (the `C` encoding is relative to it).
    func encoded(all: [UInt32]?) -> String {
        let documents = documents
        var best = "L" + Self.gaps(documents).base64EncodedString()
        if documents.count * 8 > universe / 8 {
            var bytes = [UInt8](repeating: 0, count: (universe + 7) / 8)
            for document in documents { bytes[Int(document) / 8] |= 1 << UInt8(document % 8) }
            while bytes.last == 0 { bytes.removeLast() }
            let bitmap = "B" + Data(bytes).base64EncodedString()
            if bitmap.utf8.count < best.utf8.count { best = bitmap }
        }
        if let all, documents.count * 2 > all.count {
            // Both ascending: the complement by one merge.
            var missing: [UInt32] = []
            var next = 0
            for document in all {
                while next < documents.count, documents[next] < document { next += 1 }
                if next == documents.count || documents[next] != document { missing.append(document) }
            }
            let complement = "C" + Self.gaps(missing).base64EncodedString()
            if complement.utf8.count < best.utf8.count { best = complement }
        }
        return best
    }

    /// The posting an encoding stands for; nil when it is not one (`all` as for `encoded`).
    init?(encoded: String, universe: Int, all: [UInt32]?) {
        guard let letter = encoded.first, let data = Data(base64Encoded: String(encoded.dropFirst())) else { return nil }
        let bytes = [UInt8](data)
        switch letter {
        case "L":
            guard let documents = Self.numbers(fromGaps: bytes) else { return nil }
            self.init(universe: universe, documents: documents)
        case "C":
            guard let all, let excluded = Self.numbers(fromGaps: bytes) else { return nil }
            let set = Set(excluded)
            self.init(universe: universe, documents: all.filter { !set.contains($0) })
        case "B":
            var documents: [UInt32] = []
            for (index, byte) in bytes.enumerated() {
                for bit in 0..<8 where byte & (1 << UInt8(bit)) != 0 { documents.append(UInt32(index * 8 + bit)) }
            }
            self.init(universe: universe, documents: documents)
        default:
            return nil
        }
        guard documents.allSatisfy({ Int($0) < universe }) else { return nil }
    }

    static func gaps(_ documents: [UInt32]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(documents.count + 4)
        var previous: Int64 = -1
        for document in documents {
            var gap = UInt64(Int64(document) - previous - 1)
            previous = Int64(document)
            while gap >= 0x80 {
                bytes.append(UInt8(gap & 0x7F) | 0x80)
                gap >>= 7
            }
            bytes.append(UInt8(gap))
        }
        return Data(bytes)
    }

    static func numbers(fromGaps bytes: [UInt8]) -> [UInt32]? {
        var numbers: [UInt32] = []
        var previous: Int64 = -1
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            guard shift < 35 else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 != 0 {
                shift += 7
                continue
            }
            previous += Int64(value) + 1
            guard previous <= Int64(UInt32.max) else { return nil }
            numbers.append(UInt32(previous))
            value = 0
            shift = 0
        }
        return shift == 0 ? numbers : nil
    }
}
