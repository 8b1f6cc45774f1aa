/// The six sections of an annual report, in the official order and wording (国办公开办函〔2021〕30号):
/// the one definition of the report's headings, used by the tables' headings (`TableID.heading`),
/// the importer's content files and the skeleton `portal-gen new` writes.
enum ReportSection: Int, Sendable, Hashable, CaseIterable {
    /// 一、总体情况
    case overview = 1
    /// 二、主动公开政府信息情况 (table T2)
    case activeDisclosure
    /// 三、收到和处理政府信息公开申请情况 (table T3)
    case applications
    /// 四、政府信息公开行政复议、行政诉讼情况 (table T4)
    case reviewAndLitigation
    /// 五、存在的主要问题及改进情况
    case problems
    /// 六、其他需要报告的事项
    case otherMatters

    /// How the placeholders of a new report (`portal-gen new`) open: text still to be written,
    /// which a check points at before it is published.
    static let placeholderOpening = "（请填写"

    /// The section's numeral as headings write it (`三`).
    var numeral: String { ["一", "二", "三", "四", "五", "六"][rawValue - 1] }

    /// The statistics table the section holds, for sections 二–四.
    var table: TableID? { TableID.allCases.first { $0.section == rawValue } }

    /// The official name; for sections 二–四 it is the table's caption.
    var title: String {
        switch self {
        case .overview: "总体情况"
        case .activeDisclosure, .applications, .reviewAndLitigation: table!.caption
        case .problems: "存在的主要问题及改进情况"
        case .otherMatters: "其他需要报告的事项"
        }
    }

    /// The heading: numeral, 、 and name (`一、总体情况`).
    var heading: String { numeral + "、" + title }

    /// The fixed subsections the format asks a section to cover (for 总体情况: 主动公开,
    /// 依申请公开, 政府信息管理, 平台建设, 监督保障), as level-3 headings write them.
    var subheadings: [String] {
        switch self {
        case .overview: ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]
        default: []
        }
    }
}
