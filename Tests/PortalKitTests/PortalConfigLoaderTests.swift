import Testing

@testable import PortalKit

@Suite struct PortalConfigLoaderTests {
    @Test func readsSettingsAndDerivesMissingSlugs() throws {
        let (config, diagnostics) = parseSettings(minimalSettings + "\ndeadline: 02-20\nbase_path: xxgk/ndbg\nsite_url: https://www.example.gov.cn/\n")
        #expect(diagnostics.isEmpty)
        let c = try #require(config)
        #expect(c.townships.map(\.slug) == ["huazhuang", "dongcheng", "xishanxiang"])
        #expect(c.townships.map(\.order) == [0, 1, 2])
        #expect(c.deadline == PublicationDeadline(month: 2, day: 20))
        #expect(c.basePath == "/xxgk/ndbg/")
        #expect(c.siteURL == "https://www.example.gov.cn")
        #expect(c.unsafeHTML == false)
    }

    @Test func unknownKeySuggestsTheClosestKeyOnItsLine() {
        let (config, diagnostics) = parseSettings("site_nmae: x\n" + minimalSettings)
        #expect(config == nil)
        let d = diagnostics.first { $0.message.id == "unknownKey" }
        #expect(d?.location == SourceLocation(file: "portal.yml", line: 1, column: 1))
        #expect(d?.message == .unknownKey(key: "site_nmae", part: .settings, suggestion: "site_name", known: PortalConfigLoader.keys))
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let text = """
            site_name: x
            county: y
            contact: z
            deadline: 31-03
            townships:
              - name: 甲镇
                organ: 甲镇人民政府
                slug: Bad/Slug
              - name: 甲镇
                organ: 甲镇人民政府
                slug: jia
            """
        let (config, diagnostics) = parseSettings(text)
        #expect(config == nil)
        let lines = diagnostics.compactMap { $0.location?.line }
        #expect(diagnostics.contains { $0.message == .keyMissing(key: "host_organ", label: "主办单位") && $0.location?.line == 1 })
        #expect(diagnostics.contains { $0.message == .deadlineInvalid(text: "31-03") && $0.location?.line == 4 })
        #expect(diagnostics.contains { $0.message == .slugInvalid(slug: "Bad/Slug", reserved: Slug.reserved.sorted()) && $0.location?.line == 8 })
        #expect(diagnostics.contains { $0.message == .townshipListedTwice(name: "甲镇", firstLine: 6) && $0.location?.line == 9 })
        #expect(lines.count == 4)
    }

    @Test func slugCollisionsAreReported() {
        let text = """
            site_name: x
            county: y
            host_organ: h
            contact: z
            townships:
              - name: 甲镇
                organ: 甲镇人民政府
                slug: same
              - name: 乙镇
                organ: 乙镇人民政府
                slug: same
            """
        let (_, diagnostics) = parseSettings(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message == .slugShared(name: "乙镇", other: "甲镇", otherLine: 8, slug: "same"))
        #expect(diagnostics[0].location?.line == 11)
    }

    @Test func yamlSyntaxErrorsPointAtTheirLine() {
        let (config, diagnostics) = parseSettings("site_name: x\ncounty: [unclosed\nhost_organ: h\n")
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message == .yamlUnclosedBracket(open: "[", close: "]"))
        #expect(diagnostics[0].location == SourceLocation(file: "portal.yml", line: 2, column: 9))
    }

    @Test func duplicateKeysAreAnError() {
        let (_, diagnostics) = parseSettings(minimalSettings + "\ncounty: 又一个\n")
        #expect(diagnostics.contains { $0.message == .yamlDuplicateKey(keys: ["county"]) })
    }
}
