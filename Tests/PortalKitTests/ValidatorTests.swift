import Testing

@testable import PortalKit

@Suite struct ValidatorTests {
    private func validate(_ files: [(String, String)]) throws -> (Portal, [Diagnostic]) {
        let (config, _) = parseSettings(minimalSettings)
        let sources = files.compactMap { parseReport($0.1, path: $0.0).0 }
        #expect(sources.count == files.count)
        return Validator.validate(config: try #require(config), sources: sources)
    }

    @Test func unknownTownshipSuggestsTheClosestName() throws {
        let (_, diagnostics) = try validate([("a.md", reportText(township: "花庄乡"))])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message == .townshipUnknown(name: "花庄乡", suggestion: "花庄镇", names: ["花庄镇", "东城镇", "西山乡"]))
        #expect(diagnostics[0].location == SourceLocation(file: "a.md", line: 3, column: 11))
    }

    @Test func duplicateReportsNameBothFiles() throws {
        let (portal, diagnostics) = try validate([("a.md", reportText(index: "i1")), ("b.md", reportText(index: "i2"))])
        #expect(portal.reports.count == 1)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location?.file == "b.md")
        #expect(diagnostics[0].message == .reportDuplicated(township: "花庄镇", year: 2024, other: "a.md"))
    }

    @Test func indexNumbersMustBeUnique() throws {
        let (_, diagnostics) = try validate([("a.md", reportText(index: "same")), ("b.md", reportText(township: "东城镇", index: "same"))])
        #expect(diagnostics.count == 1 && diagnostics[0].message == .indexNumberDuplicated(number: "same", other: "a.md"))
    }

    @Test func publicationBeforeTheYearEndsIsAnError() throws {
        let (_, diagnostics) = try validate([("a.md", reportText(published: "2024-12-31"))])
        #expect(diagnostics.count == 1 && diagnostics[0].message == .publishedTooEarly(date: "2024-12-31", year: 2024))
    }

    @Test func reportsFromTheFutureAreCaught() throws {
        let (config, _) = parseSettings(minimalSettings)
        let today = try #require(CalendarDate(iso: "2025-02-01"))
        let open = try #require(parseReport(reportText(year: 2025, published: "2026-01-20")).0)
        let (_, d1) = Validator.validate(config: try #require(config), sources: [open], today: today)
        #expect(d1.contains { $0.severity == .error && $0.message == .yearNotEnded(year: 2025, currentYear: 2025) })
        let later = try #require(parseReport(reportText(year: 2024, published: "2025-03-01")).0)
        let (_, d2) = Validator.validate(config: try #require(config), sources: [later], today: today)
        #expect(d2.map(\.severity) == [.warning] && d2[0].message == .publishedInFuture(date: "2025-03-01"))
    }

    @Test func issuerDefaultsToTheOrganAndReportsAreOrdered() throws {
        let (portal, diagnostics) = try validate([
            ("a.md", reportText(township: "西山乡", year: 2023, published: "2024-02-01", index: "a")),
            ("b.md", reportText(township: "花庄镇", year: 2023, published: "2024-02-01", index: "b")),
            ("c.md", reportText(township: "东城镇", year: 2024, published: "2025-02-01", index: "c")),
        ])
        #expect(diagnostics.isEmpty)
        #expect(portal.reports.map { "\($0.year)\($0.township.name)" } == ["2024东城镇", "2023花庄镇", "2023西山乡"])
        #expect(portal.reports[0].issuer == "测试县东城镇人民政府")
        #expect(portal.years == [2024, 2023])
        #expect(portal.townshipsWithReports.map(\.name) == ["花庄镇", "东城镇", "西山乡"])
    }
}
