import Foundation

/// What a table cell of a delivered report holds, once its text is cleaned up.
///
/// Copied text has full-width digits and brackets, stray spaces inside numbers, dashes for empty
/// cells and notes written into cells (`22（其中修订16件）`).
enum CellText: Equatable {
    case blank
    /// A figure; `note` keeps the cell's text when it carried an annotation.
    case number(Amount, note: String?)
    /// Any other text: a row, column or block label.
    case label(String)

    init(_ raw: String) {
        let text = CellText.normalize(raw)
        if text.isEmpty || ["-", "—", "–", "/", "\\", "－", "——"].contains(text) {
            self = .blank
        } else if let amount = Amount(text) {
            self = .number(amount, note: nil)
        } else if let open = text.firstIndex(of: "("), text.hasSuffix(")"), let amount = Amount(String(text[..<open])) {
            self = .number(amount, note: raw.trimmingCharacters(in: .whitespaces))
        } else if let unit = CellText.units.first(where: text.hasSuffix), let amount = Amount(String(text.dropLast(unit.count))) {
            // A unit written in the cell (`3.6万元`, `58件`) is kept as the note it is.
            self = .number(amount, note: raw.trimmingCharacters(in: .whitespaces))
        } else {
            self = .label(text)
        }
    }

    /// Units a cell may carry after its figure: the table's own units. `元` is not one of them: in
    /// a column of 万元 it would be a different figure.
    static let units = ["万元", "人次", "件", "个", "项", "条", "次"]

    var isValue: Bool {
        if case .label = self { return false }
        return true
    }

    /// Full-width digits, letters and brackets become ASCII; all white space is removed.
    static func normalize(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:  // full-width ASCII block
                result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000, 0x00A0, 0x0020, 0x0009, 0x000A, 0x000D, 0x200B:
                continue
            case 0x3001:  // 、 stays, it numbers headings
                result.unicodeScalars.append(scalar)
            case 0x2014, 0x2013, 0x2015:
                result.append("—")
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
