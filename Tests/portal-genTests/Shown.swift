import Foundation
import PortalKit

/// What a run printed, matched by message identity: the expected words come from the catalog,
/// so tests never spell out prose (and the Chinese wording can change without touching them).
extension String {
    /// Whether this output shows `message` in Chinese (the default language).
    func shows(_ message: Message, in language: Language = .chinese) -> Bool {
        contains(message.text(language))
    }

    /// Whether this output has the diagnostic line `file:line:column: 错误|警告: …` for `message`.
    func shows(_ severity: Diagnostic.Severity, _ message: Message, at file: String, line: Int, column: Int = 1, rule: RuleID? = nil) -> Bool {
        contains(Diagnostic(severity, message, at: SourceLocation(file: file, line: line, column: column), rule: rule).rendered(.chinese))
    }

    /// Whether this output shows the message `make` builds, whatever the value it is given (a
    /// duration, a system's words): the words around that value must appear, in order.
    func shows(_ make: (String) -> Message, in language: Language = .chinese) -> Bool {
        let marker = "\u{1}"
        let parts = make(marker).text(language).components(separatedBy: marker)
        var rest = self[...]
        for part in parts where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    /// Whether this output starts with the message `make` builds, whatever the value.
    func startsWith(_ make: (String) -> Message) -> Bool {
        let prefix = make("\u{1}").text(.chinese).components(separatedBy: "\u{1}")[0]
        return hasPrefix(prefix) && shows(make)
    }

    /// Whether this output names a finding of `rule`, as `[T3-1 申请数量勾稽关系]`.
    func showsRule(_ rule: RuleID, _ severity: Diagnostic.Severity? = nil) -> Bool {
        let tag = "[\(rule.rawValue) \(rule.name)]"
        switch severity {
        case .error?: return contains("错误: " + tag)
        case .warning?: return contains("警告: " + tag)
        case nil: return contains(tag)
        }
    }
}

extension String {
    /// Whether a build's standard output is its "nothing changed" summary (whatever the counts).
    var saysNothingChanged: Bool {
        let words = Message.buildUnchanged(reports: 0, pages: 0, output: "Output", seconds: "0").text(.chinese)
        return hasPrefix(String(words.prefix { !$0.isNumber }))
    }
}
