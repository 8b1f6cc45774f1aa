/// The county's rule for when a township's report for year Y must be published: a day in year Y+1.
///
/// The regulation fixes no township deadline (counties use Jan 31, Feb 20, Mar 25, …), so it is a setting.
struct PublicationDeadline: Sendable, Hashable {
    let month: Int
    let day: Int

    init?(month: Int, day: Int) {
        // February 29 is refused: the deadline must exist every year.
        guard (1...12).contains(month), (1...CalendarDate.daysIn(month: month, year: 2023)).contains(day) else { return nil }
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD`, e.g. `03-31`.
    init?(text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]) else { return nil }
        self.init(month: m, day: d)
    }

    /// The last day on which the report for `year` is on time.
    func dueDate(forReportYear year: Int) -> CalendarDate {
        CalendarDate(year: year + 1, month: month, day: day)!
    }

    /// `次年3月31日前`
    var chinese: String { "次年\(month)月\(day)日前" }
}
