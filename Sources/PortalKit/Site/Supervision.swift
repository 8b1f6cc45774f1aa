/// What the supervising county office needs to see: each township's publication state per year,
/// and every finding of the statistics rules, tied to its report and table row.
struct Supervision: Sendable {
    struct Cell: Sendable {
        var township: Township
        var year: Int
        /// nil when the township has no report for the year.
        var report: Report?
        var late: Bool
        var zeroReport: Bool
        /// The report is a legacy one (before 2019, `format: legacy`): published, without the
        /// official tables. A state of its own, never “no data”.
        var legacy: Bool
        /// Findings of the arithmetic rules (T3-1 … X-1) for this report.
        var arithmeticFindings: Int
        /// Why no report is expected: the township did not exist in the year (never counted as missing).
        var absence: TownshipLifecycle.Absence? = nil
        /// No report yet, and the year's deadline has not come on the build's day (未到期, not missing).
        var notDue = false
        /// The township's name in the year, when it is not the row's (a former name).
        var nameOfTheYear: String? = nil

        /// No report although one is expected and due: what supervision is for (未公开).
        var missing: Bool { report == nil && absence == nil && !notDue }
    }

    struct Finding: Sendable {
        var report: Report
        var diagnostic: Diagnostic
        /// The table row the finding is on (`t3-N`), when it is in the tables.
        var anchor: String?
    }

    /// Rows: every township of the county, in its order, including those that never published
    /// (they are what supervision is for); columns: years with reports, newest first.
    let years: [Int]
    let rows: [(township: Township, cells: [Cell])]
    let findings: [Finding]

    /// `today` is the build's day: a year whose deadline has not come yet is 未到期, not missing.
    init(portal: Portal, findings diagnostics: [Diagnostic], today: CalendarDate) {
        years = portal.years
        var byKey: [ReportID: Report] = [:]
        for report in portal.reports { byKey[report.id] = report }
        var findings: [Finding] = []
        var arithmetic: [ReportID: Int] = [:]
        // Findings are joined to their report by its identity, never by a path or a message.
        for diagnostic in diagnostics {
            guard let id = diagnostic.report, let report = byKey[id] else { continue }
            findings.append(
                Finding(
                    report: report, diagnostic: diagnostic,
                    anchor: diagnostic.location.flatMap { location in report.statistics.flatMap { Supervision.anchor(of: location, in: $0) } }))
            if let rule = diagnostic.rule, RuleID.arithmetic.contains(rule) { arithmetic[id, default: 0] += 1 }
        }
        self.findings = findings
        let years = self.years
        let deadline = portal.config.deadline
        let names = Dictionary(portal.config.townships.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        rows = portal.config.townships.map { township in
            (
                township,
                years.map { year in
                    let report = byKey[ReportID(township: township.slug, year: year)]
                    var cell = Cell(
                        township: township, year: year, report: report,
                        late: report.map { $0.published > deadline.dueDate(forReportYear: year) } ?? false,
                        zeroReport: report?.statistics?.isZeroReport ?? false, legacy: report?.isLegacy ?? false,
                        arithmeticFindings: report.map { arithmetic[$0.id] ?? 0 } ?? 0)
                    if report == nil {
                        cell.absence = township.lifecycle.absence(in: year, mergedIntoName: township.lifecycle.mergedInto.flatMap { names[$0] })
                        cell.notDue = cell.absence == nil && Self.isNotDue(year, deadline: deadline, today: today)
                    }
                    let name = township.named(in: year).name
                    if name != township.name { cell.nameOfTheYear = name }
                    return cell
                }
            )
        }
    }

    /// Whether the report for `year` is not yet due on `today` (its deadline is still to come).
    static func isNotDue(_ year: Int, deadline: PublicationDeadline, today: CalendarDate) -> Bool {
        today <= deadline.dueDate(forReportYear: year)
    }

    /// The report years not yet due on `today`, for the page's fingerprint: the page changes when
    /// a deadline passes, with no content change.
    static func yearsNotDue(_ years: [Int], deadline: PublicationDeadline, today: CalendarDate) -> [Int] {
        years.filter { isNotDue($0, deadline: deadline, today: today) }
    }

    /// The table row written on the finding's line, as a page anchor (`t3-N`).
    static func anchor(of location: SourceLocation, in statistics: Statistics) -> String? {
        statistics.row(onLine: location.line).map { TableLayout.anchor(prefix: $0.table.rawValue, row: $0.row) }
    }
}
