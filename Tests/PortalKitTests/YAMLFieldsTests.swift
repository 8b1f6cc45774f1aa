import Foundation
import Testing

@testable import PortalKit

@Suite struct YAMLFieldsTests {
    /// The native trim removes exactly what Foundation's `.whitespacesAndNewlines` does, full-width
    /// and no-break spaces included, and nothing inside the text.
    @Test func trimmingMatchesFoundation() {
        let samples = [
            "", " ", "\u{3000}", "城关镇", "  城关镇\t", "\u{3000}城关镇人民政府\u{3000}", "\u{00A0}x\u{0085}",
            "\n\r\n 2024 \u{2028}", "a b", "\u{3000}\u{00A0}\n", " 发布 机构 ", "\u{200B}零宽\u{200B}",
            "\u{180E}x\u{FEFF}", "\u{2000}\u{200A}y\u{202F}\u{205F}", "\u{1680}z\u{000B}\u{000C}",
        ]
        for sample in samples {
            #expect(YAMLFields.trimmed(sample) == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.debugDescription)")
        }
    }

    /// The settings of a national portal (40,000 townships, about 5 MB) are accepted; YAML beyond
    /// 16 MB is refused before it is parsed.
    @Test func nationalSettingsFitTheSizeLimit() {
        let township = "  - name: 第00001号镇\n    organ: 某某县第00001号镇人民政府\n    slug: t00001\n    credit_code: 11000000000000001X\n"
        let national = "county: 某县\ntownships:\n" + String(repeating: township, count: 40_000)
        #expect(national.utf8.count > 4 * 1024 * 1024)
        #expect(YAMLFields.refusal(national, part: .settings) == nil)
        let huge = String(repeating: "# padding\n", count: 17 * 1024 * 1024 / 10)
        #expect(YAMLFields.refusal(huge, part: .settings) == .yamlTooLarge(part: .settings, limit: 16))
    }
}
