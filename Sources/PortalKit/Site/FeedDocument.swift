/// The text of a feed's RSS 2.0 and Atom files.
///
/// Dates are 发布日期 as printed, at midnight China time: RFC 822 (`Mon, 20 Jan 2025 00:00:00 +0800`)
/// in RSS, RFC 3339 (`2025-01-20T00:00:00+08:00`) in Atom. The feed's own date is its newest
/// item's, never the build's clock, so the same reports give the same bytes.
struct FeedDocument: Sendable {
    let feed: Feed
    let items: [Report]
    let config: PortalConfig

    init(feed: Feed, portal: Portal) {
        self.feed = feed
        self.config = portal.config
        self.items = feed.items(of: portal, limit: portal.config.feeds.items)
    }

    /// The absolute URL of a file of the site (`site_url` + `base_path` + path).
    func url(_ path: String) -> String { (config.siteURL ?? "") + config.basePath + path }

    private var title: String { feed.title(siteName: config.siteName) }
    private var updated: CalendarDate? { items.map(\.published).max() }

    /// What an item says besides its title: the fields a reader looks for.
    static func summary(_ report: Report) -> String {
        var parts = ["乡镇：\(report.township.name)", "年度：\(report.year)年度", "发布日期：\(report.published.chinese)", "发布机构：\(report.issuer)"]
        parts.append("索引号：\(report.indexNumber)")
        if let number = report.documentNumber { parts.append("文号：\(number)") }
        return parts.joined(separator: "；")
    }

    var rss: String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">"#,
            "<channel>",
            "<title>\(Self.escape(title))</title>",
            "<link>\(Self.escape(url(feed.pagePath)))</link>",
            "<description>\(Self.escape(feed.subject(county: config.county)))</description>",
            "<language>zh-CN</language>",
            #"<atom:link href="\#(Self.escape(url(feed.rssPath)))" rel="self" type="\#(Feed.rssType)"/>"#,
        ]
        if let updated { lines.append("<lastBuildDate>\(Self.rfc822(updated))</lastBuildDate>") }
        lines.append("<generator>portal-gen</generator>")
        for report in items {
            let link = Self.escape(url(SitePlan.reportPath(report)))
            lines += [
                "<item>",
                "<title>\(Self.escape(report.title))</title>",
                "<link>\(link)</link>",
                #"<guid isPermaLink="true">\#(link)</guid>"#,
                "<pubDate>\(Self.rfc822(report.published))</pubDate>",
                "<category>\(Self.escape(report.township.name))</category>",
                "<category>\(report.year)年度</category>",
                "<description>\(Self.escape(Self.summary(report)))</description>",
                "</item>",
            ]
        }
        lines += ["</channel>", "</rss>"]
        return lines.joined(separator: "\n") + "\n"
    }

    var atom: String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">"#,
            "<title>\(Self.escape(title))</title>",
            "<subtitle>\(Self.escape(feed.subject(county: config.county)))</subtitle>",
            "<id>\(Self.escape(url(feed.atomPath)))</id>",
            #"<link rel="self" type="\#(Feed.atomType)" href="\#(Self.escape(url(feed.atomPath)))"/>"#,
            #"<link rel="alternate" type="text/html" href="\#(Self.escape(url(feed.pagePath)))"/>"#,
            "<updated>\(updated.map(Self.rfc3339) ?? "")</updated>",
            "<author><name>\(Self.escape(config.hostOrgan))</name></author>",
            "<generator>portal-gen</generator>",
        ]
        for report in items {
            let link = Self.escape(url(SitePlan.reportPath(report)))
            let date = Self.rfc3339(report.published)
            lines += [
                "<entry>",
                "<title>\(Self.escape(report.title))</title>",
                "<id>\(link)</id>",
                #"<link rel="alternate" type="text/html" href="\#(link)"/>"#,
                "<published>\(date)</published>",
                "<updated>\(date)</updated>",
                "<author><name>\(Self.escape(report.issuer))</name></author>",
                #"<category term="\#(Self.escape(report.township.name))"/>"#,
                #"<category term="\#(report.year)年度"/>"#,
                "<summary>\(Self.escape(Self.summary(report)))</summary>",
                "</entry>",
            ]
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text escaped for XML; characters XML 1.0 cannot carry (C0 controls but tab and line breaks) are left out.
    static func escape(_ text: String) -> String {
        let allowed = text.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let clean = allowed ? text : String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
        return HTMLContent.escape(clean)
    }

    /// `Mon, 20 Jan 2025 00:00:00 +0800`
    static func rfc822(_ date: CalendarDate) -> String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        return "\(days[weekday(date)]), \(day) \(months[date.month - 1]) \(date.year) 00:00:00 +0800"
    }

    /// `2025-01-20T00:00:00+08:00`
    static func rfc3339(_ date: CalendarDate) -> String { date.iso + "T00:00:00+08:00" }

    /// 0 for Sunday … 6 for Saturday (Sakamoto's method, Gregorian calendar).
    static func weekday(_ date: CalendarDate) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let year = date.month < 3 ? date.year - 1 : date.year
        return (year + year / 4 - year / 100 + year / 400 + offsets[date.month - 1] + date.day) % 7
    }
}
