import Foundation
import Testing

@testable import PortalKit

/// The search index's text rules: normalisation, the terms of a text and of a query, the term
/// packing and hash, and the posting encodings.
@Suite struct SearchTokenizerTests {
    func terms(_ text: String) -> Set<String> {
        var collector = SearchTerm.Collector()
        SearchTokenizer.terms(of: text, into: &collector)
        return Set(collector.terms().map(\.text))
    }

    @Test func normalisationMapsOneCharacterToOne() {
        #expect(SearchTokenizer.normalize("ＡＢＣ１２３　Ｘｙ") == "abc123 xy")
        #expect(SearchTokenizer.normalize("B00012/2025") == "b00012/2025")
        let text = "依申请公开（２０２４）"
        #expect(SearchTokenizer.normalize(text).count == text.count)
        #expect(SearchTokenizer.normalize("〔2025〕3号") == "〔2025〕3号", "CJK punctuation is kept")
    }

    @Test func cjkRunsGiveUnigramsBigramsAndTrigrams() {
        let found = terms("依申请公开")
        for term in ["依", "申", "公", "开", "依申", "申请", "请公", "公开", "依申请", "申请公", "请公开"] {
            #expect(found.contains(term), "\(term)")
        }
        #expect(!found.contains("依申请公"), "nothing longer than three")
        #expect(found.count == 5 + 4 + 3)
    }

    @Test func noTermSpansASeparator() {
        let found = terms("公开、规范 镇")
        #expect(!found.contains("开规"))
        #expect(!found.contains("范镇"))
        #expect(found.contains("镇"), "a one-character run is a term")
        #expect(found.contains("公开"))
    }

    @Test func wordsAreLowerCasedAndJoinTheirNeighbours() {
        let found = terms("2024年度报告ＡＢＣ")
        #expect(found.isSuperset(of: ["2024", "2024年", "2024年度", "年度", "报告abc", "abc", "告abc"]))
        #expect(terms("B00012/2025-00001") == ["b00012", "2025", "00001"])
    }

    @Test func queryTermsAreTheLongestGramsOfEachRun() {
        #expect(SearchTokenizer.queryTerms("复议") == ["复议"])
        #expect(SearchTokenizer.queryTerms("镇") == ["镇"])
        #expect(SearchTokenizer.queryTerms("依申请公开") == ["依申请", "申请公", "请公开"])
        #expect(SearchTokenizer.queryTerms("b00012/2025-00001") == ["b00012", "2025", "00001"])
        #expect(SearchTokenizer.queryTerms("2024年度") == ["2024年度"])
        #expect(SearchTokenizer.queryTerms("、。") == [])
        #expect(SearchTokenizer.queryParts(" 依申请公开　复议 ") == ["依申请公开", "复议"], "an ideographic space separates parts too")
    }

    @Test func everyQueryTermOfASubstringIsATermOfTheText() {
        let texts = randomTexts(from: ["依申请公开", "行政复议", "2024年", "，", "Ａ类", "B00012/", "镇", "政务公开栏", " "], count: 200, seed: 15)
        for text in texts {
            let found = terms(text)
            let normal = Array(SearchTokenizer.normalize(text))
            guard normal.count > 1 else { continue }
            for start in 0..<normal.count {
                for end in (start + 1)...min(normal.count, start + 8) {
                    let part = String(normal[start..<end])
                    // A word cut in the middle is not a unit of the text (documented: words match whole).
                    let cutsWord =
                        (start > 0 && normal[start - 1].isASCII && normal[start - 1].isLetterOrDigitASCII && normal[start].isLetterOrDigitASCII)
                        || (end < normal.count && normal[end].isLetterOrDigitASCII && normal[end - 1].isLetterOrDigitASCII)
                    guard !cutsWord else { continue }
                    for term in SearchTokenizer.queryTerms(part) {
                        #expect(found.contains(term), "\(term) of \(part) in \(text)")
                    }
                }
            }
        }
    }

    @Test func packedTermsRoundTrip() {
        for text in ["镇", "公开", "依申请", "𠀀国家", "2024年", "abc"] {
            #expect(SearchTerm(text).text == text)
        }
        #expect(SearchTerm("公开") == .packed(UInt64(0x516C) << 21 | 0x5F00))
        #expect(SearchTerm("2024年") == .text("2024年"))
    }

    @Test func fnv1aIsTheStandardHash() {
        #expect(SearchTerm.fnv1a("") == 0x811C_9DC5)
        #expect(SearchTerm.fnv1a("a") == 0xE40C_292C)
        #expect(SearchTerm.fnv1a("foobar") == 0xBF9C_F968)
    }

    @Test func postingsRoundTripInEveryEncoding() {
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let universe = 5000
        let all = (0..<UInt32(universe)).filter { $0 % 7 != 3 }
        var letters: Set<Character> = []
        for density in [1, 10, 100, 1000, 2000, 4000] {
            for _ in 0..<5 {
                let documents = Set((0..<density).map { _ in all[Int(next()) % all.count] }).sorted()
                let posting = SearchPosting(universe: universe, documents: documents)
                let encoded = posting.encoded(all: all)
                letters.insert(encoded.first!)
                let decoded = SearchPosting(encoded: encoded, universe: universe, all: all)
                #expect(decoded?.documents == documents, "\(density) documents as \(encoded.prefix(1))")
            }
        }
        // All reports but a few: the complement is the shortest.
        let most = all.filter { $0 % 100 != 0 }
        let encoded = SearchPosting(universe: universe, documents: most).encoded(all: all)
        letters.insert(encoded.first!)
        #expect(SearchPosting(encoded: encoded, universe: universe, all: all)?.documents == most)
        #expect(letters == ["L", "B", "C"], "each encoding is the shortest somewhere")
        #expect(SearchPosting(encoded: "X", universe: 10, all: nil) == nil)
        #expect(SearchPosting(encoded: "L" + Data([200]).base64EncodedString(), universe: 10, all: nil) == nil, "a number past the universe")
    }

    @Test func postingsRemoveAndInsert() {
        var posting = SearchPosting(universe: 100)
        for document in [5, 1, 90, 3] as [UInt32] { posting.insert(document) }
        posting.sort()
        #expect(posting.documents == [1, 3, 5, 90])
        posting.remove { $0 < 4 }
        #expect(posting.documents == [5, 90])
        var dense = SearchPosting(universe: 64, documents: Array(0..<40))
        dense.remove { $0 % 2 == 0 }
        #expect(dense.documents == (0..<40).filter { $0 % 2 == 1 })
    }
}

extension Character {
    fileprivate var isLetterOrDigitASCII: Bool { isASCII && (isLetter || isNumber) }
}
