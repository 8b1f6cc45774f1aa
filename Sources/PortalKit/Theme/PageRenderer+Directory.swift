/// The values of the site map (网站地图) and feeds (RSS订阅) pages, and what every page shows of
/// them: the footer links, the feeds' autodiscovery links, the 党政机关网站标识 and the county portal link.
extension PageRenderer {
    /// What a directory page is made from besides the site and its paths (see `inputs(of:common:)`).
    func directoryInputs(_ directory: Directory, everything: String) -> [String] {
        switch directory {
        case .siteMap: return [everything]
        case .siteMapYear(let year, _): return portal.reports(in: year).map { "\($0.id) \($0.summaryHash)" }
        case .siteMapTownships, .feeds, .feedTownships: return portal.townshipsWithReports.map(\.slug)
        }
    }

    /// What a feed file is made from: the site (settings, portal-gen) and the reports it lists.
    func feedInputs(of path: String, items: [Report]) -> String? {
        siteFingerprint.isEmpty ? nil : ContentHash.of(([siteFingerprint, path] + items.map { "\($0.id) \($0.summaryHash)" }).joined(separator: "\n"))
    }

    /// The values every page's layout and footer use.
    func publishingContext(for page: SitePage) -> [String: Any] {
        let config = portal.config
        var context: [String: Any] = ["siteMapURL": link(Directory.siteMapPath, from: page)]
        if Feed.published(portal) {
            context["feedsURL"] = link(Directory.feedsPath, from: page)
            var feeds = [Feed(scope: .portal)]
            switch page.kind {
            case .year(let year): feeds.append(Feed(scope: .year(year)))
            case .township(let township): feeds.append(Feed(scope: .township(township)))
            default: break
            }
            context["feedLinks"] = feeds.flatMap { feed -> [[String: Any]] in
                let title = feed.title(siteName: config.siteName)
                return [
                    ["type": Feed.rssType, "title": title + "（RSS）", "url": link(feed.rssPath, from: page)],
                    ["type": Feed.atomType, "title": title + "（Atom）", "url": link(feed.atomPath, from: page)],
                ]
            }
        }
        if let badge = config.identity.badge {
            context["badge"] = ["src": link(badge.outputPath, from: page), "width": badge.width, "height": badge.height, "link": badge.link]
        }
        if let county = config.identity.countyPortal { context["countyPortal"] = ["name": county.name, "url": county.url] }
        return context
    }

    func directoryContext(_ directory: Directory, _ page: SitePage) -> [String: Any] {
        let siteName = portal.config.siteName
        let home = ("首页", Optional(link(SitePlan.home, from: page)))
        switch directory {
        case .siteMap:
            var context = pageInfo(title: "网站地图_\(siteName)", heading: "网站地图", page: page, breadcrumbs: [home, ("网站地图", nil)])
            context["siteMap"] = siteMapMain(page)
            return context
        case .siteMapYear(let year, let part):
            let parts = Directory.parts(count: portal.reports(in: year).count, limit: portal.config.siteMap.linksPerPage)
            let of = parts.count > 1 ? "（第\(part)部分，共\(parts.count)部分）" : ""
            var context = pageInfo(
                title: "网站地图：\(year)年度\(of)_\(siteName)", heading: "网站地图：\(year)年度报告\(of)", page: page,
                breadcrumbs: [home, ("网站地图", link(Directory.siteMapPath, from: page)), ("\(year)年度", nil)])
            var info = yearEntry(year, page)
            info["reports"] = portal.reports(in: year)[parts[part - 1]].map { summary($0, from: page) }
            info["parts"] = parts.count > 1 ? yearParts(year, page, current: part) : []
            context["yearPart"] = info
            return context
        case .siteMapTownships(let part), .feedTownships(let part):
            let isFeeds = directory.template == "feeds"
            let name = isFeeds ? "RSS订阅" : "网站地图"
            let parts = Directory.parts(count: portal.townshipsWithReports.count, limit: portal.config.siteMap.linksPerPage)
            let of = "（第\(part)部分，共\(parts.count)部分）"
            var context = pageInfo(
                title: "\(name)：乡镇\(of)_\(siteName)", heading: "\(name)：乡镇\(of)", page: page,
                breadcrumbs: [home, (name, link(isFeeds ? Directory.feedsPath : Directory.siteMapPath, from: page)), ("乡镇", nil)])
            let townships = Array(portal.townshipsWithReports[parts[part - 1]])
            context[isFeeds ? "townshipFeedPart" : "townshipPart"] = [
                "townships": isFeeds ? townships.map { feedEntry(Feed(scope: .township($0)), page) } : townships.map { townshipEntry($0, page) },
                "parts": townshipParts(isFeeds ? Directory.feedTownships : Directory.siteMapTownships, page, current: part),
            ]
            return context
        case .feeds:
            var context = pageInfo(title: "RSS订阅_\(siteName)", heading: "RSS订阅", page: page, breadcrumbs: [home, ("RSS订阅", nil)])
            var info: [String: Any] = [
                "portal": feedEntry(Feed(scope: .portal), page),
                "years": portal.years.map { feedEntry(Feed(scope: .year($0)), page) },
                "items": portal.config.feeds.items,
            ]
            let splits = Directory.splitsTownships(portal)
            info["townshipParts"] = splits ? townshipParts(Directory.feedTownships, page, current: nil) : []
            info["townships"] = splits ? [] : portal.townshipsWithReports.map { feedEntry(Feed(scope: .township($0)), page) }
            context["feeds"] = info
            return context
        }
    }

    private func siteMapMain(_ page: SitePage) -> [String: Any] {
        var sections: [[String: Any]] = [["label": "首页", "url": link(SitePlan.home, from: page)]]
        if SitePlan.hasPublicSupervision(portal) { sections.append(["label": "公开年报情况总览", "url": link(SitePlan.supervision, from: page)]) }
        if Feed.published(portal) { sections.append(["label": "RSS订阅", "url": link(Directory.feedsPath, from: page)]) }
        sections.append(["label": "开放数据：全部报告（CSV）", "url": link(OpenData.csvPath, from: page)])
        sections.append(["label": "开放数据：全部报告（JSON）", "url": link(OpenData.jsonPath, from: page)])
        let splitsReports = Directory.splitsReports(portal)
        var info: [String: Any] = [
            "sections": sections,
            "years": portal.years.map { year -> [String: Any] in
                var entry = yearEntry(year, page)
                if splitsReports {
                    entry["parts"] = yearParts(year, page, current: nil)
                } else {
                    entry["reports"] = portal.reports(in: year).map { summary($0, from: page) }
                }
                return entry
            },
            "reportCount": portal.reports.count,
        ]
        let splits = Directory.splitsTownships(portal)
        info["townshipParts"] = splits ? townshipParts(Directory.siteMapTownships, page, current: nil) : []
        info["townships"] = splits ? [] : portal.townshipsWithReports.map { townshipEntry($0, page) }
        return info
    }

    private func yearEntry(_ year: Int, _ page: SitePage) -> [String: Any] {
        var entry: [String: Any] = [
            "year": year, "label": "\(year)年度", "url": link(SitePlan.yearPath(year), from: page), "count": portal.reports(in: year).count,
        ]
        if portal.compilationYears.contains(year) { entry["compilationURL"] = link(SitePlan.compilationPath(year), from: page) }
        return entry
    }

    private func townshipEntry(_ township: Township, _ page: SitePage) -> [String: Any] {
        ["name": township.name, "url": link(SitePlan.townshipPath(township), from: page)]
    }

    /// A part of a list, named by its first and last items: `城关镇至青石镇（2000份）`.
    private func partEntry(_ number: Int, first: String, last: String, count: Int, url: String, current: Int?) -> [String: Any] {
        let span = first == last ? first : "\(first)至\(last)"
        return ["number": number, "label": "第\(number)部分：\(span)（\(count)项）", "url": url, "current": number == current]
    }

    private func yearParts(_ year: Int, _ page: SitePage, current: Int?) -> [[String: Any]] {
        let reports = portal.reports(in: year)
        let parts = Directory.parts(count: reports.count, limit: portal.config.siteMap.linksPerPage)
        return parts.enumerated().map { index, range in
            partEntry(
                index + 1, first: reports[range.lowerBound].township.name, last: reports[range.upperBound - 1].township.name, count: range.count,
                url: link(Directory.siteMapYear(year, part: index + 1).path, from: page), current: current)
        }
    }

    private func townshipParts(_ directory: (Int) -> Directory, _ page: SitePage, current: Int?) -> [[String: Any]] {
        let townships = portal.townshipsWithReports
        return Directory.parts(count: townships.count, limit: portal.config.siteMap.linksPerPage).enumerated().map { index, range in
            partEntry(
                index + 1, first: townships[range.lowerBound].name, last: townships[range.upperBound - 1].name, count: range.count,
                url: link(directory(index + 1).path, from: page), current: current)
        }
    }

    /// A feed on the RSS订阅 page: its title, what it lists, its two files (linked relatively, so
    /// the page works offline) and their absolute addresses (what a feed reader is given).
    private func feedEntry(_ feed: Feed, _ page: SitePage) -> [String: Any] {
        let prefix = (portal.config.siteURL ?? "") + portal.config.basePath
        var label: String
        switch feed.scope {
        case .portal: label = "全部报告"
        case .year(let year): label = "\(year)年度"
        case .township(let township): label = township.name
        }
        return [
            "label": label, "title": feed.title(siteName: portal.config.siteName), "subject": feed.subject(county: portal.config.county),
            "pageURL": link(feed.pagePath, from: page),
            "rssURL": link(feed.rssPath, from: page), "rssAddress": prefix + feed.rssPath,
            "atomURL": link(feed.atomPath, from: page), "atomAddress": prefix + feed.atomPath,
        ]
    }
}
