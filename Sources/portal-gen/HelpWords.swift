import Foundation

/// The Chinese words for what swift-argument-parser itself writes in help and usage errors
/// (`USAGE:`, `OPTIONS:`, `Missing expected argument`), so that `--help` is Chinese throughout.
enum HelpWords {
    static let replacements: [(String, String)] = [
        ("OVERVIEW: ", "简介："),
        ("USAGE: ", "用法："),
        ("ARGUMENTS:", "参数："),
        ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："),
        ("See 'portal-gen help <subcommand>' for detailed help.", "用 portal-gen help <子命令> 查看某个子命令的详细说明。"),
        ("Show help information.", "显示帮助信息。"),
        ("Show the version.", "显示版本号。"),
        ("(default)", "（默认）"),
        ("; default: ", "；默认："),
        ("Error: ", "错误: "),
        ("Usage: ", "用法："),
        ("Help: ", "帮助："),
        ("Missing expected argument", "缺少参数"),
        ("Missing value for option", "选项缺少值"),
        ("Unknown option", "没有这个选项"),
        ("Unexpected argument", "多余的参数"),
        ("Unexpected arguments", "多余的参数"),
        ("Missing value for", "缺少值："),
        ("Please provide at least one value for", "请至少给出一个值："),
        ("Did you mean", "是不是想写"),
        ("<subcommand>", "<子命令>"),
    ]

    /// `text` with the parser's words in Chinese; also `(default: x)` and `(values: a, b)`.
    static func chinese(_ text: String) -> String {
        var result = text
        for (english, chinese) in replacements { result = result.replacingOccurrences(of: english, with: chinese) }
        result = result.replacingOccurrences(of: #"\(default:\s+([^)]*)\)"#, with: "（默认：$1）", options: .regularExpression)
        result = result.replacingOccurrences(of: #"\(values:\s+([^)]*)\)"#, with: "（可选：$1）", options: .regularExpression)
        result = result.replacingOccurrences(
            of: #"The value '([^']*)' is invalid for '([^']*)'"#, with: "值 '$1' 不能用于 '$2'", options: .regularExpression)
        result = result.replacingOccurrences(of: #"See '([^']*)' for more information\."#, with: "用 $1 查看详细用法。", options: .regularExpression)
        return result
    }
}
