import Foundation

/// The language portal-gen speaks to the people who run it.
///
/// Chinese is the default: the staff who publish the reports read Chinese. English is there for
/// developers and for CI logs read abroad; it is chosen by `--lang en`, by `PORTAL_GEN_LANG=en`, or by
/// a locale variable (`LC_ALL`, then `LC_MESSAGES`, then `LANG`) that starts with `en`.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case chinese = "zh"
    case english = "en"

    /// Reads a language name as `--lang` takes it: `zh`, `zh_CN`, `zh-Hans`, `en`, `en_US.UTF-8`, …
    public init?(name: String) {
        let lower = name.lowercased()
        if lower.hasPrefix("zh") || lower == "cn" || lower == "chinese" || lower == "中文" {
            self = .chinese
        } else if lower.hasPrefix("en") {
            self = .english
        } else {
            return nil
        }
    }

    /// The language asked for by the environment: `PORTAL_GEN_LANG`, else the first locale variable
    /// set (`LC_ALL`, `LC_MESSAGES`, `LANG`) when it names English; Chinese otherwise (also for
    /// `C`, `POSIX` and unset locales).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        if let explicit = environment["PORTAL_GEN_LANG"].flatMap(Language.init(name:)) {
            return explicit
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return locale.flatMap(Language.init(name:)) == .english ? .english : .chinese
    }
}
