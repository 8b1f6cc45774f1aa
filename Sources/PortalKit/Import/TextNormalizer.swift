import Foundation

/// Makes extracted text read as the characters a reader sees on the page.
///
/// PDFs made by browsers and some Word exports draw 一 with the Kangxi radical ⼀ (U+2F00), and some
/// fonts map ideographs to compatibility code points; both look the same and mean the same. They
/// get their compatibility mapping (NFKC) one scalar at a time. The rest of the text keeps its
/// form: NFKC over everything would also turn full-width punctuation and ① into ASCII in the
/// narrative.
enum TextNormalizer {
    static func normalize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsMapping) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsMapping(scalar) {
                result.append(contentsOf: String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Kangxi radicals, CJK radicals supplement and CJK compatibility ideographs.
    static func needsMapping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2EFF, 0x2F00...0x2FDF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: true
        default: false
        }
    }

    /// Private-use code points and replacement characters: what a font without a character map
    /// gives when its text is extracted.
    static func isUnreadable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD, 0xFFFD, 0x25A1, 0x0000...0x0008: true
        default: false
        }
    }
}
