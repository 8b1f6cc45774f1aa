import Foundation
import Testing

@testable import PortalKit

/// The settings and small formats behind the feeds, the site map and the identity footer.
@Suite struct PublishingSettingsTests {
    /// The line of `text` that starts (after its indentation) with `start`.
    func line(of start: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(start) }.map { $0 + 1 }
    }

    @Test func readsFeedsSiteMapAndIdentitySettings() throws {
        let text =
            minimalSettings + """

                feeds:
                  items: 20
                sitemap:
                  links_per_page: 500
                  urls_per_file: 10000
                identity:
                  badge: images/red.png
                  badge_link: https://bszs.conac.cn/sitename?method=show&id=1
                  county_portal:
                    name: 测试县人民政府门户网站
                    url: https://www.example.gov.cn/
                """
        let (config, diagnostics) = parseSettings(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let c = try #require(config)
        #expect(c.feeds.items == 20)
        #expect(c.siteMap == SiteMapSettings(urlsPerFile: 10000, linksPerPage: 500))
        #expect(c.identity.badge?.file == "images/red.png" && c.identity.badge?.location.line == line(of: "badge:", in: text))
        #expect(c.identity.badge?.outputPath == "assets/identity/red.png")
        #expect(c.identity.countyPortal == CountyPortal(name: "测试县人民政府门户网站", url: "https://www.example.gov.cn/"))

        let (defaults, _) = parseSettings(minimalSettings)
        #expect(defaults?.feeds.items == 50 && defaults?.siteMap.urlsPerFile == 50_000 && defaults?.identity.badge == nil)
    }

    @Test func refusesWhatCannotBeUsed() {
        let over = parseSettings(minimalSettings + "\nsitemap:\n  urls_per_file: 60000\n").1
        #expect(over.contains { $0.message == .numberOutOfRange(key: "urls_per_file", label: "sitemap.xml 每个文件的网址数", value: 60000, lowest: 1, highest: 50000) })
        #expect(parseSettings(minimalSettings + "\nfeeds:\n  items: 0\n").0 == nil)
        #expect(parseSettings(minimalSettings + "\nfeeds:\n  count: 5\n").1.contains { $0.message.id == "unknownKey" })
        let outsideText = minimalSettings + "\nidentity:\n  badge: ../red.png\n  badge_link: https://bszs.conac.cn/x\n"
        let outside = parseSettings(outsideText).1
        #expect(outside.contains { $0.message == .badgePathInvalid(path: "../red.png") && $0.location?.line == line(of: "badge:", in: outsideText) })
        let noLink = parseSettings(minimalSettings + "\nidentity:\n  badge: red.png\n").1
        #expect(noLink.contains { $0.message.id == "keyMissing" })
        let badURLText = minimalSettings + "\nidentity:\n  county_portal:\n    name: 门户\n    url: www.example.gov.cn\n"
        let badURL = parseSettings(badURLText).1
        #expect(badURL.contains { $0.message.id == "identityLinkInvalid" && $0.location?.line == line(of: "url:", in: badURLText) })
    }

    @Test func readsTheSizeOfPNGGIFAndJPEGImages() throws {
        let png = try Data(contentsOf: Repository.content.appendingPathComponent("images/badge-example.png"))
        #expect(ImageSize.of(Array(png))! == (110, 136))
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x2C, 0x01, 0x10, 0x00] + [0, 0, 0]
        #expect(ImageSize.of(gif)! == (300, 16))
        // A JPEG with an APP0 segment, then a baseline frame of 640 × 480.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, 0, 0, 0, 0]
        #expect(ImageSize.of(jpeg)! == (640, 480))
        #expect(ImageSize.of(Array("<svg/>".utf8)) == nil)
        #expect(ImageSize.of([0x89, 0x50, 0x4E, 0x47]) == nil)
    }

    @Test func feedDatesAreInChinaTime() {
        let date = CalendarDate(year: 2025, month: 3, day: 4)!
        #expect(FeedDocument.rfc822(date) == "Tue, 04 Mar 2025 00:00:00 +0800")
        #expect(FeedDocument.rfc3339(date) == "2025-03-04T00:00:00+08:00")
        // Weekdays checked against Foundation's Gregorian calendar over several years.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        for year in [2000, 2016, 2023, 2024, 2100] {
            for month in 1...12 {
                for day in [1, 15, 28] {
                    let real = calendar.date(from: DateComponents(year: year, month: month, day: day))!
                    #expect(FeedDocument.weekday(CalendarDate(year: year, month: month, day: day)!) == calendar.component(.weekday, from: real) - 1)
                }
            }
        }
        #expect(FeedDocument.escape("a<b & \u{1}c\"") == "a&lt;b &amp; c&quot;")
    }

    @Test func sitemapFilesSplitAtTheLimit() {
        #expect(Sitemap.files(urls: 50_000, limit: 50_000) == ["sitemap.xml"])
        #expect(Sitemap.files(urls: 275_000, limit: 50_000) == ["sitemap.xml"] + (1...6).map { "sitemap-\($0).xml" })
        #expect(Directory.parts(count: 5, limit: 2) == [0..<2, 2..<4, 4..<5])
    }
}
