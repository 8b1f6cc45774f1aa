/// A term of the search index, as the index builder holds it: a CJK n-gram packed into an
/// integer (21 bits per character, so unigrams, bigrams and trigrams never collide), or any
/// other term (one with a word in it) as its text.
enum SearchTerm: Hashable, Sendable, Comparable {
    case packed(UInt64)
    case text(String)

    /// The term as the browser writes it (the characters of its units, one after the other).
    var text: String {
        switch self {
        case .text(let text): return text
        case .packed(var value):
            var scalars: [Unicode.Scalar] = []
            while value != 0 {
                scalars.append(Unicode.Scalar(UInt32(value & 0x1F_FFFF))!)
                value >>= 21
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars.reversed())
            return String(view)
        }
    }

    /// The term a text stands for (the inverse of `text`).
    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        if scalars.count <= SearchTokenizer.longestTerm, scalars.allSatisfy({ SearchTokenizer.isCJK($0.value) }) {
            self = .packed(scalars.reduce(0) { $0 << 21 | UInt64($1.value) })
        } else {
            self = .text(text)
        }
    }

    /// 32-bit FNV-1a of the term's UTF-8 bytes: which term shard holds it is this modulo the
    /// number of shards. Stable across runs and machines (Swift's `Hasher` is seeded per process).
    static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// `fnv1a` of the term's text, without making the text.
    var fnv1a: UInt32 {
        guard case .packed(let value) = self else { return Self.fnv1a(text) }
        var hash: UInt32 = 0x811C_9DC5
        func add(_ byte: UInt32) {
            hash ^= byte
            hash = hash &* 0x0100_0193
        }
        for shift in stride(from: 42, through: 0, by: -21) {
            let scalar = UInt32((value >> UInt64(shift)) & 0x1F_FFFF)
            switch scalar {
            case 0: continue
            case ..<0x80: add(scalar)
            case ..<0x800:
                add(0xC0 | scalar >> 6)
                add(0x80 | scalar & 0x3F)
            case ..<0x10000:
                add(0xE0 | scalar >> 12)
                add(0x80 | scalar >> 6 & 0x3F)
                add(0x80 | scalar & 0x3F)
            default:
                add(0xF0 | scalar >> 18)
                add(0x80 | scalar >> 12 & 0x3F)
                add(0x80 | scalar >> 6 & 0x3F)
                add(0x80 | scalar & 0x3F)
            }
        }
        return hash
    }

    /// The terms of one document, gathered while it is tokenised.
    struct Collector {
        var packed: [UInt64] = []
        var texts: Set<String> = []

        mutating func add(packed value: UInt64) { packed.append(value) }
        mutating func add(text: String) { texts.insert(text) }

        /// Each term once.
        func terms() -> [SearchTerm] {
            var unique = packed.sorted()
            var write = 0
            for value in unique where write == 0 || unique[write - 1] != value {
                unique[write] = value
                write += 1
            }
            return unique.prefix(write).map(SearchTerm.packed) + texts.sorted().map(SearchTerm.text)
        }
    }
}
