/// One of the three statistics tables of the official format, with its official name and place:
/// the one definition every reader, check, page and message uses.
enum TableID: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// 二、主动公开政府信息情况
    case t2
    /// 三、收到和处理政府信息公开申请情况
    case t3
    /// 四、政府信息公开行政复议、行政诉讼情况
    case t4

    /// The number of the report's section that holds the table.
    var section: Int {
        switch self {
        case .t2: 2
        case .t3: 3
        case .t4: 4
        }
    }

    /// The official name (国办公开办函〔2021〕30号), the table's caption.
    var caption: String {
        switch self {
        case .t2: "主动公开政府信息情况"
        case .t3: "收到和处理政府信息公开申请情况"
        case .t4: "政府信息公开行政复议、行政诉讼情况"
        }
    }

    /// The section heading: the section's numeral and the official name (`二、主动公开政府信息情况`).
    var heading: String {
        ReportSection(rawValue: section)!.heading
    }

    /// `表二`, `表三`, `表四`, as Chinese column headers name the tables.
    var chineseLabel: String { "表" + ["二", "三", "四"][section - 2] }

    /// `T2`, `T3`, `T4`, as messages name the tables.
    var label: String { rawValue.uppercased() }

    static func < (a: TableID, b: TableID) -> Bool { a.section < b.section }
}
