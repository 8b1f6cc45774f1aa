import Foundation
import Testing
@testable import PortalKit

@Suite struct YAMLFieldsTests {
    /// The native trim removes exactly what Foundation's `.whitespacesAndNewlines` does, full-width
    /// and no-break spaces included, and nothing inside the text.
    @Test func trimmingMatchesFoundation() {
        let samples = ["", " ", "\u{3000}", "城关镇", "  城关镇\t", "\u{3000}城关镇人民政府\u{3000}", "\u{00A0}x\u{0085}",
                       "\n\r\n 2024 \u{2028}", "a b", "\u{3000}\u{00A0}\n", " 发布 机构 ", "\u{200B}零宽\u{200B}",
                       "\u{180E}x\u{FEFF}", "\u{2000}\u{200A}y\u{202F}\u{205F}", "\u{1680}z\u{000B}\u{000C}"]
        for sample in samples {
            #expect(YAMLFields.trimmed(sample) == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.debugDescription)")
        }
    }
}
