/// Splits text into the terms of the search index, and a query into the terms it must match.
///
/// Text is first normalised one character for one character (full-width ASCII and the ideographic
/// space become ASCII, Latin letters lower case), so that positions in the normalised text are
/// positions in the original (the browser marks the match in the original). Then it is cut into
/// units: each CJK character is a unit, each run of ASCII letters and digits is a unit (a word);
/// anything else separates runs. Within a run every unit, every two adjacent units and every three
/// are terms: a one-character query is answered by its unigram, a two-character one (复议) by its
/// bigram, a longer one by its overlapping trigrams, and the browser confirms the phrase itself.
/// `Themes/default/assets/search.js` implements the same rules; the tests check they agree.
enum SearchTokenizer {
    /// The longest n-gram indexed.
    static let longestTerm = 3

    /// One character normalised: full-width ASCII (U+FF01–U+FF5E) to ASCII, U+3000 to a space,
    /// A–Z to a–z. Every other character is kept.
    @inline(__always)
    static func normalized(_ value: UInt32) -> UInt32 {
        var value = value
        if value >= 0xFF01, value <= 0xFF5E { value -= 0xFEE0 } else if value == 0x3000 { value = 0x20 }
        if value >= 0x41, value <= 0x5A { value += 0x20 }
        return value
    }

    /// The text normalised (see `normalized(_:)`), as the index and the browser compare it.
    static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(Unicode.Scalar(normalized(scalar.value)) ?? scalar) }
        return String(scalars)
    }

    /// CJK ideographs (the unified blocks, extension A, compatibility ideographs, the supplementary planes) and 〇.
    @inline(__always)
    static func isCJK(_ value: UInt32) -> Bool {
        (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF) || (value >= 0xF900 && value <= 0xFAFF)
            || (value >= 0x20000 && value <= 0x3FFFF) || value == 0x3007
    }

    /// A normalised character that belongs to a word.
    @inline(__always)
    static func isWordCharacter(_ value: UInt32) -> Bool {
        (value >= 0x30 && value <= 0x39) || (value >= 0x61 && value <= 0x7A)
    }

    /// A unit of a run: a CJK character or a word.
    enum Unit: Equatable {
        case character(UInt32)
        case word(String)

        var text: String {
            switch self {
            case .character(let value): String(Character(Unicode.Scalar(value)!))
            case .word(let word): word
            }
        }
    }

    /// The runs of units of a text: the pieces between separators.
    static func runs(_ text: String) -> [[Unit]] {
        var runs: [[Unit]] = []
        var run: [Unit] = []
        var word = String.UnicodeScalarView()
        func endWord() {
            if !word.isEmpty { run.append(.word(String(word))) }
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let value = normalized(scalar.value)
            if isWordCharacter(value) {
                word.append(Unicode.Scalar(value)!)
                continue
            }
            endWord()
            if isCJK(value) {
                run.append(.character(value))
            } else if !run.isEmpty {
                runs.append(run)
                run = []
            }
        }
        endWord()
        if !run.isEmpty { runs.append(run) }
        return runs
    }

    /// Every term of a text, for the index: each unit, pair and triple of adjacent units of a run.
    /// Terms of CJK characters only are packed into integers (see `SearchTerm`), the others are strings.
    static func terms(of text: String, into terms: inout SearchTerm.Collector) {
        // The two units before the current one, and how many units ago the last word was (the
        // n-grams with a word in them are made only then; runs of CJK characters, nearly all the
        // text, take the packed path alone).
        var previous: (Unit?, Unit?) = (nil, nil)
        var sinceWord = Int.max
        var word = String.UnicodeScalarView()
        var packed: (UInt32, UInt32) = (0, 0)
        var packedCount = 0
        func add(_ unit: Unit) {
            if case .character(let value) = unit {
                terms.add(packed: UInt64(value))
                if packedCount >= 1 { terms.add(packed: UInt64(packed.1) << 21 | UInt64(value)) }
                if longestTerm >= 3, packedCount >= 2 { terms.add(packed: UInt64(packed.0) << 42 | UInt64(packed.1) << 21 | UInt64(value)) }
                packed = (packed.1, value)
                packedCount = min(packedCount + 1, 2)
                sinceWord = sinceWord == Int.max ? sinceWord : sinceWord + 1
            } else {
                packedCount = 0
                sinceWord = 0
            }
            if sinceWord < longestTerm {
                let current = unit.text
                if case .word = unit { terms.add(text: current) }
                if let one = previous.1 {
                    let two = one.text + current
                    if sinceWord < 2 { terms.add(text: two) }
                    if longestTerm >= 3, let other = previous.0 { terms.add(text: other.text + two) }
                }
            }
            previous = (previous.1, unit)
        }
        func endRun() {
            previous = (nil, nil)
            packedCount = 0
            sinceWord = Int.max
        }
        for scalar in text.unicodeScalars {
            let value = normalized(scalar.value)
            if isWordCharacter(value) {
                word.append(Unicode.Scalar(value)!)
                continue
            }
            if !word.isEmpty {
                add(.word(String(word)))
                word = String.UnicodeScalarView()
            }
            if isCJK(value) { add(.character(value)) } else if previous.1 != nil { endRun() }
        }
        if !word.isEmpty { add(.word(String(word))) }
    }

    /// The terms whose postings a query part must all be in: per run, its overlapping trigrams,
    /// or its bigram or unigram when it is shorter.
    static func queryTerms(_ part: String) -> [String] {
        var terms: [String] = []
        for run in runs(part) {
            let length = min(longestTerm, run.count)
            for start in 0...(run.count - length) {
                let term = run[start..<(start + length)].map(\.text).joined()
                if !terms.contains(term) { terms.append(term) }
            }
        }
        return terms
    }

    /// The parts of a query: its pieces between spaces, normalised. A report matches when its
    /// normalised text contains every part.
    static func queryParts(_ query: String) -> [String] {
        normalize(query).split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
}
