import Testing

@testable import PortalKit

@Suite struct CalendarDateTests {
    @Test func validatesTheCalendar() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "1900-02-29") == nil)
        #expect(CalendarDate(iso: "2000-02-29") != nil)
        #expect(CalendarDate(iso: "2024-04-31") == nil)
        #expect(CalendarDate(iso: "2024-1-5") == nil)
        #expect(CalendarDate(iso: "２０２４-01-05") == nil)
    }

    @Test func ordersAndFormats() throws {
        let a = try #require(CalendarDate(iso: "2025-01-20"))
        let b = try #require(CalendarDate(iso: "2025-03-01"))
        #expect(a < b)
        #expect(a.iso == "2025-01-20")
        #expect(b.chinese == "2025年3月1日")
    }

    @Test func deadlineRule() throws {
        let deadline = try #require(PublicationDeadline(text: "03-31"))
        #expect(deadline.dueDate(forReportYear: 2024).iso == "2025-03-31")
        #expect(PublicationDeadline(text: "02-29") == nil)
        #expect(PublicationDeadline(text: "13-01") == nil)
    }
}

@Suite struct SuggestionTests {
    @Test func suggestsCloseWordsOnly() {
        let keys = ReportSource.keys
        #expect(Suggestion.closest(to: "titel", in: keys) == "title")
        #expect(Suggestion.closest(to: "index-number", in: keys) == "index_number")
        #expect(Suggestion.closest(to: "Township", in: keys) == "township")
        #expect(Suggestion.closest(to: "statistics_table", in: keys) == nil)
    }
}
