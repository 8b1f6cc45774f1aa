/// A place in a source file, 1-based, as editors and compilers print it.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One problem found in the content, settings or theme.
///
/// Printed as `path:line:column: error: message` so that editors can jump to it and
/// staff can read it: the message says what is wrong and how to fix it.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation?
    /// A stable rule identifier (e.g. `T3-1`) for checks that other tools may filter on.
    public var rule: RuleID?
    /// What is wrong and how to fix it, by its identity; its words come from the catalog.
    public var message: Message
    /// The same finding in the words of the public site (the supervision page); nil for problems
    /// that only the people building the site see.
    public var publicMessage: String? { message.publicChinese }
    /// The report a finding of the statistics rules is about (set by `StatisticsChecker.check(_:)`).
    public var report: ReportID?

    public init(_ severity: Severity, _ message: Message, at location: SourceLocation?, rule: RuleID? = nil) {
        self.severity = severity
        self.location = location
        self.rule = rule
        self.message = message
    }

    public static func error(_ message: Message, at location: SourceLocation?, rule: RuleID? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, rule: rule)
    }

    public static func warning(_ message: Message, at location: SourceLocation?, rule: RuleID? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, rule: rule)
    }

    /// The diagnostic as one line, `路径:行:列: 错误: [T3-1 申请数量勾稽关系] …`, the compiler form
    /// that editors and CI parse (`path:line:column: error: [T3-1 …] …` in English).
    public func rendered(_ language: Language) -> String {
        var text = ""
        if let location {
            text += "\(TextSafety.printable(location.file)):\(location.line):\(location.column): "
        }
        switch (severity, language) {
        case (.error, .chinese): text += "错误: "
        case (.warning, .chinese): text += "警告: "
        case (.error, .english): text += "error: "
        case (.warning, .english): text += "warning: "
        }
        if let rule { text += "[\(rule.rawValue) \(rule.name(language))] " }
        // A file name or value with a newline could forge a message line, an escape code could
        // drive the terminal: every such character is shown as its code.
        return text + TextSafety.printable(message.text(language))
    }

    public var description: String { rendered(.chinese) }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error (warnings never stop a build).
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Diagnostics in file and line order, so every run prints them the same way.
    public func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case (let l?, let r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}

/// Thrown when a stage cannot go on; carries every problem found so far.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.sortedForDisplay().map(\.description).joined(separator: "\n")
    }
}
