/// The identity of one check of the content: the stable id that tools filter on (`T3-1`, in
/// messages and in `check --format json`) and the plain words users read.
public struct RuleID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// T2: kinds of figures (whole numbers ≥ 0, an amount ≥ 0).
    public static let t2Kinds = RuleID(rawValue: "T2-1")
    /// T3: 本年新收 + 上年结转 = 总计 + 结转下年度, for each column.
    public static let t3Balance = RuleID(rawValue: "T3-1")
    /// T3: 总计 is the sum of the results, for each column.
    public static let t3Results = RuleID(rawValue: "T3-2")
    /// T3: each row's 总计 is the sum of the six applicant columns.
    public static let t3Applicants = RuleID(rawValue: "T3-3")
    /// T3 and T4: every cell is a whole number ≥ 0.
    public static let t3Kinds = RuleID(rawValue: "T3-4")
    /// T4: each group's 总计 is the sum of its four results.
    public static let t4Results = RuleID(rawValue: "T4-1")
    /// Consecutive years: 上年结转 equals last year's 结转下年度.
    public static let carriedOver = RuleID(rawValue: "X-1")
    /// Consecutive years: 现行有效件数 follows from last year's (a warning: clean-ups break it).
    public static let documentsInForce = RuleID(rawValue: "X-2")
    /// Figures quoted in the narrative agree with T3.
    public static let narrative = RuleID(rawValue: "N-1")
    /// A blank cell (not filled in).
    public static let blank = RuleID(rawValue: "BLANK")
    /// A sum of figures too large to be written.
    public static let overflow = RuleID(rawValue: "SUM")

    /// Every rule, in the order of the rule list (docs/statistics.md).
    public static let all: [RuleID] = [
        .t2Kinds, .t3Balance, .t3Results, .t3Applicants, .t3Kinds, .t4Results, .carriedOver, .documentsInForce, .narrative, .blank, .overflow,
    ]

    /// Rules whose findings are arithmetic inconsistencies in a published report: errors for
    /// `check` and `build --strict`, warnings for a normal build.
    public static let arithmetic: Set<RuleID> = [.t3Balance, .t3Results, .t3Applicants, .t3Kinds, .t4Results, .t2Kinds, .carriedOver]

    /// The rule's name in plain words, for people.
    public var name: String { name(.chinese) }

    /// The rule's name in plain words, in the given language.
    public func name(_ language: Language) -> String {
        guard language == .english else { return chineseName }
        switch self {
        case .t2Kinds: return "proactive disclosure figures"
        case .t3Balance: return "request balance"
        case .t3Results: return "results total"
        case .t3Applicants: return "applicants total"
        case .t3Kinds: return "request figures"
        case .t4Results: return "review and litigation totals"
        case .carriedOver: return "carried over from last year"
        case .documentsInForce: return "documents in force"
        case .narrative: return "text agrees with tables"
        case .blank: return "blank cells"
        case .overflow: return "sum too large"
        default: return rawValue
        }
    }

    private var chineseName: String {
        switch self {
        case .t2Kinds: "主动公开数据类型"
        case .t3Balance: "申请数量勾稽关系"
        case .t3Results: "办理结果合计"
        case .t3Applicants: "申请人合计"
        case .t3Kinds: "申请数据类型"
        case .t4Results: "复议诉讼合计"
        case .carriedOver: "上年结转衔接"
        case .documentsInForce: "现行有效件数衔接"
        case .narrative: "正文与统计表一致"
        case .blank: "未填写的单元格"
        case .overflow: "数字过大无法汇总"
        default: rawValue
        }
    }

    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
