/// The official layout of the three statistics tables, for both formats.
///
/// Labels are the official wording (国办公开办函〔2021〕30号 and the 2019 trial format); keys are the
/// stable identifiers used in front matter, anchors and open-data column names.
enum ReportFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// The trial format of 国办公开办函〔2019〕60号.
    case v2019 = "2019"
    /// The unified format of 国办公开办函〔2021〕30号.
    case v2021 = "2021"

    /// The first reporting year of the official tables (the 2019 trial format); reports of earlier
    /// years follow no fixed format and are written `format: legacy`.
    static let firstYear = 2019
}

/// How a report's T3 prints （六）其他处理 (docs/statistics.md, “（六）其他处理印成一行”).
///
/// The 2021 format prints it as three rows (F1–F3), the 2019 format as one row (F). Some 2023 and
/// 2024 reports follow the 2021 format everywhere else but print （六） as the one row of 2019: the
/// content format keeps what was published, so such a report is a 2021 report of the `combined`
/// variant. The variant is written in a file only by its key: `F` in place of `F1`, `F2`, `F3`.
enum T3Variant: String, Sendable, Hashable, Codable, CaseIterable {
    /// As the report's format prints it: F1–F3 in the 2021 format, F in the 2019 format.
    case official
    /// The 2021 format with （六）其他处理 printed as one row, F (2021 reports only).
    case combined
}

/// The tables' layout of a report: its format and its T3 variant. Every report with tables has
/// one of `all`; the rows of each are defined once, by `StatisticsSchema.tables(for:)`.
struct StatisticsLayout: Sendable, Hashable {
    let format: ReportFormat
    let variant: T3Variant

    /// `variant` is `.official` for the 2019 format, whose （六） is one row already.
    init(_ format: ReportFormat, _ variant: T3Variant = .official) {
        self.format = format
        self.variant = format == .v2019 ? .official : variant
    }

    /// Every layout a report can have: 2021, 2021 with （六） as one row, 2019.
    static let all = [StatisticsLayout(.v2021), StatisticsLayout(.v2021, .combined), StatisticsLayout(.v2019)]

    /// Whether （六）其他处理 is the single row F (2019, or the 2021 `combined` variant).
    var otherIsOneRow: Bool { format == .v2019 || variant == .combined }
}

struct ColumnSpec: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A whole number ≥ 0.
        case count
        /// A whole number that may be negative (2019 本年增/减).
        case change
        /// An exact decimal ≥ 0 (万元).
        case money
    }

    let key: String
    let label: String
    let kind: Kind
}

struct RowSpec: Sendable, Hashable {
    /// The front-matter key and anchor of the row (`N`, `C3`, `rules`, `R`).
    let key: String
    let label: String
    /// For T2: the block heading (第二十条第（一）项); for T3: the result group (（三）不予公开).
    let group: String?
    let columns: [ColumnSpec]
}

/// A class: every report's tables share their format's specs, and a table is copied often (pages,
/// data files, checks); as a struct each copy retained the spec's arrays one by one, from all
/// cores at once on the same few objects.
final class TableSpec: Sendable, Hashable {
    /// Which table this is.
    let id: TableID
    /// `t2`, `t3` or `t4`: the front-matter key.
    var key: String { id.rawValue }
    /// The section heading the table belongs to, e.g. `三、收到和处理政府信息公开申请情况`.
    var heading: String { id.heading }
    /// The number of that section (2, 3, 4).
    var section: Int { id.section }
    let rows: [RowSpec]
    /// Where each row's first cell sits among the table's cells (row by row, columns in order),
    /// so that a table is one flat array of figures rather than a dictionary of rows.
    let offsets: [Int]
    /// How many cells the table has.
    let cellCount: Int
    private let rowIndices: [String: Int]

    init(id: TableID, rows: [RowSpec]) {
        self.id = id
        self.rows = rows
        var offsets: [Int] = []
        var count = 0
        for row in rows {
            offsets.append(count)
            count += row.columns.count
        }
        self.offsets = offsets
        self.cellCount = count
        self.rowIndices = Dictionary(rows.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    func row(_ key: String) -> RowSpec? { rowIndex(key).map { rows[$0] } }
    /// The position of a row in `rows`.
    func rowIndex(_ key: String) -> Int? { rowIndices[key] }

    static func == (a: TableSpec, b: TableSpec) -> Bool {
        a.id == b.id && a.rows == b.rows
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(rows)
    }
}

enum StatisticsSchema {
    /// T2, T3 and T4 of a format as the format prints them, made once.
    static func tables(for format: ReportFormat) -> [TableSpec] {
        tables(for: StatisticsLayout(format))
    }

    /// T2, T3 and T4 of a layout, made once.
    static func tables(for layout: StatisticsLayout) -> [TableSpec] {
        switch (layout.format, layout.variant) {
        case (.v2021, .official): v2021Tables
        case (.v2021, .combined): v2021CombinedTables
        case (.v2019, _): v2019Tables
        }
    }

    private static let v2021Tables = [t2v2021, t3(format: .v2021), t4]
    private static let v2021CombinedTables = [t2v2021, t3(format: .v2021, variant: .combined), t4]
    private static let v2019Tables = [t2v2019, t3(format: .v2019), t4]

    // MARK: T2

    private static func counts(_ labels: [(String, String)], kind: ColumnSpec.Kind = .count) -> [ColumnSpec] {
        labels.map { ColumnSpec(key: $0.0, label: $0.1, kind: kind) }
    }

    static let item1 = "第二十条第（一）项", item5 = "第二十条第（五）项", item6 = "第二十条第（六）项"
    static let item8 = "第二十条第（八）项", item9 = "第二十条第（九）项"

    static let t2v2021: TableSpec = {
        let documents = counts([("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")])
        let decisions = counts([("decisions", "本年处理决定数量")])
        return TableSpec(
            id: .t2,
            rows: [
                RowSpec(key: "rules", label: "规章", group: item1, columns: documents),
                RowSpec(key: "normative", label: "行政规范性文件", group: item1, columns: documents),
                RowSpec(key: "licensing", label: "行政许可", group: item5, columns: decisions),
                RowSpec(key: "penalty", label: "行政处罚", group: item6, columns: decisions),
                RowSpec(key: "coercion", label: "行政强制", group: item6, columns: decisions),
                RowSpec(
                    key: "fees", label: "行政事业性收费", group: item8,
                    columns: [ColumnSpec(key: "amount", label: "本年收费金额（单位：万元）", kind: .money)]),
            ])
    }()

    static let t2v2019: TableSpec = {
        let documents = counts([("made", "本年新制作数量"), ("published", "本年新公开数量"), ("total", "对外公开总数量")])
        let items = [
            ColumnSpec(key: "previous", label: "上一年项目数量", kind: .count),
            ColumnSpec(key: "change", label: "本年增/减", kind: .change),
            ColumnSpec(key: "decisions", label: "处理决定数量", kind: .count),
        ]
        return TableSpec(
            id: .t2,
            rows: [
                RowSpec(key: "rules", label: "规章", group: item1, columns: documents),
                RowSpec(key: "normative", label: "规范性文件", group: item1, columns: documents),
                RowSpec(key: "licensing", label: "行政许可", group: item5, columns: items),
                RowSpec(key: "other_services", label: "其他对外管理服务事项", group: item5, columns: items),
                RowSpec(key: "penalty", label: "行政处罚", group: item6, columns: items),
                RowSpec(key: "coercion", label: "行政强制", group: item6, columns: items),
                RowSpec(key: "fees", label: "行政事业性收费", group: item8, columns: Array(items.prefix(2))),
                RowSpec(
                    key: "procurement", label: "政府集中采购", group: item9,
                    columns: [
                        ColumnSpec(key: "projects", label: "采购项目数量", kind: .count),
                        ColumnSpec(key: "amount", label: "采购总金额", kind: .money),
                    ]),
            ])
    }()

    // MARK: T3

    /// The seven applicant columns; 商业企业…其他 sit under 法人或其他组织.
    static let t3Columns = counts([
        ("natural", "自然人"), ("business", "商业企业"), ("research", "科研机构"),
        ("public_interest", "社会公益组织"), ("legal_service", "法律服务机构"),
        ("other", "其他"), ("total", "总计"),
    ])
    /// The headings over T3's columns: all seven, and 商业企业…其他 (columns 1…5).
    static let t3ApplicantHeading = "申请人情况", t3LegalHeading = "法人或其他组织"
    static let t3Corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    static let t3Results = "三、本年度办理结果"
    static let groupC = "（三）不予公开", groupD = "（四）无法提供", groupE = "（五）不予处理", groupF = "（六）其他处理"

    /// The key of （六）其他处理 printed as one row (2019, and the 2021 `combined` variant).
    static let otherCombinedKey = "F"
    /// The keys of （六）其他处理's three rows in the 2021 format.
    static let otherSplitKeys = (1...3).map { "F\($0)" }

    /// Result rows (A…F) whose sum is G, by T3-2.
    static func resultRows(_ format: ReportFormat, variant: T3Variant = .official) -> [String] {
        ["A", "B"] + (1...8).map { "C\($0)" } + (1...3).map { "D\($0)" } + (1...5).map { "E\($0)" }
            + (StatisticsLayout(format, variant).otherIsOneRow ? [otherCombinedKey] : otherSplitKeys)
    }

    /// T3 of a format and variant: （六）其他处理 as F1–F3 (2021) or as the one row F (2019, or the
    /// 2021 `combined` variant, where it sits under 三、本年度办理结果 as in 2019).
    static func t3(format: ReportFormat, variant: T3Variant = .official) -> TableSpec {
        func row(_ key: String, _ label: String, _ group: String? = nil) -> RowSpec {
            RowSpec(key: key, label: label, group: group, columns: t3Columns)
        }
        var rows = [
            row("N", "一、本年新收政府信息公开申请数量"),
            row("K", "二、上年结转政府信息公开申请数量"),
            row("A", "（一）予以公开", t3Results),
            row("B", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", t3Results),
        ]
        let c = [
            "属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
            "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项",
        ]
        let d = ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"]
        let e = ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息"]
        let f = [
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他",
        ]
        for (prefix, group, labels) in [("C", groupC, c), ("D", groupD, d), ("E", groupE, e)] {
            rows += labels.enumerated().map { row("\(prefix)\($0.offset + 1)", "\($0.offset + 1).\($0.element)", group) }
        }
        if StatisticsLayout(format, variant).otherIsOneRow {
            rows.append(row(otherCombinedKey, groupF, t3Results))
        } else {
            rows += zip(otherSplitKeys, f).enumerated().map { row($0.element.0, "\($0.offset + 1).\($0.element.1)", groupF) }
        }
        rows.append(row("G", "（七）总计", t3Results))
        rows.append(row("J", "四、结转下年度继续办理"))
        return TableSpec(id: .t3, rows: rows)
    }

    /// The label of a T3 result group for a row key (C3 → （三）不予公开), nil for rows outside a group.
    static func t3SubGroup(of key: String) -> String? {
        switch key.first {
        case "C": groupC
        case "D": groupD
        case "E": groupE
        case "F" where key.count > 1: groupF
        default: nil
        }
    }

    // MARK: T4

    static let t4Columns = counts([
        ("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"),
        ("pending", "尚未审结"), ("total", "总计"),
    ])
    static let t4 = TableSpec(
        id: .t4,
        rows: [
            RowSpec(key: "R", label: "行政复议", group: nil, columns: t4Columns),
            RowSpec(key: "S", label: "未经复议直接起诉", group: "行政诉讼", columns: t4Columns),
            RowSpec(key: "P", label: "复议后起诉", group: "行政诉讼", columns: t4Columns),
        ])
}
