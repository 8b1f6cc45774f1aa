import Foundation

/// ASCII URL segments for townships.
enum Slug {
    /// Segments that the site itself uses at its top level.
    static let reserved: Set<String> = ["assets", "data", "index", "404", "sitemap", "robots", "supervision", "compilation", "feeds", "search"]

    /// Whether `text` is a safe URL segment: lowercase ASCII letters, digits and inner hyphens,
    /// at most 64 characters, not only digits (those are year pages), not reserved.
    static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 64, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        guard text.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else { return false }
        return !text.allSatisfy(\.isNumber) && !reserved.contains(text)
    }

    /// Derives a slug from a Chinese name through its pinyin: `花庄镇` → `huazhuangzhen`.
    static func fromPinyin(_ name: String) -> String {
        let latin =
            name.applyingTransform(.mandarinToLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false) ?? name
        var slug = ""
        var pendingHyphen = false
        for scalar in latin.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == " " {
                continue
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }
}
