/// Checks parsed reports against the settings and each other, and builds the validated model.
enum Validator {
    /// `today` is only used to catch reports dated in the future; it never appears in the output.
    static func validate(config: PortalConfig, sources: [ReportSource], today: CalendarDate = .today) -> (portal: Portal, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var reports: [Report] = []
        // The file of the first report seen for each township and year, and for each index number.
        var byKey: [ReportID: String] = [:]
        var byIndexNumber: [String: String] = [:]
        byKey.reserveCapacity(sources.count)
        byIndexNumber.reserveCapacity(sources.count)
        reports.reserveCapacity(sources.count)
        let names = config.townships.map(\.name)

        for source in sources {
            guard let township = config.township(named: source.township) else {
                var message = "the township `\(source.township)` is not listed in portal.yml"
                if let suggestion = Suggestion.closest(to: source.township, in: names) {
                    message += "; did you mean `\(suggestion)`?"
                } else {
                    message += "; use one of: \(names.joined(separator: "、")), or add it to `townships` in portal.yml"
                }
                diagnostics.append(.error(message, at: source.location(of: "township")))
                continue
            }
            let key = ReportID(township: township.slug, year: source.year)
            if let first = byKey[key] {
                diagnostics.append(
                    .error(
                        "\(township.name) already has a report for \(source.year) in \(first); keep one of the two files, or correct `year`",
                        at: source.location(of: "year")))
                continue
            }
            byKey[key] = source.path
            if let first = byIndexNumber[source.indexNumber] {
                diagnostics.append(
                    .error(
                        "the 索引号 `\(source.indexNumber)` is already used by \(first); every report needs its own index number",
                        at: source.location(of: "index_number")))
            } else {
                byIndexNumber[source.indexNumber] = source.path
            }
            if source.year >= today.year {
                diagnostics.append(
                    .error(
                        "`year` is \(source.year), but a report covers a whole calendar year that has ended (it is now \(today.year)); check `year`",
                        at: source.location(of: "year")))
            } else if source.published > today {
                diagnostics.append(
                    .warning("`published` is \(source.published.iso), a date still to come; check it before publishing", at: source.location(of: "published")))
            }
            if source.published.year <= source.year {
                diagnostics.append(
                    .error(
                        "`published` is \(source.published.iso), but a report for \(source.year) can only be published after the year ends; check `published` and `year`",
                        at: source.location(of: "published")))
            }
            if let written = source.written, written > source.published {
                diagnostics.append(
                    .error(
                        "`written` (成文日期 \(written.iso)) is after `published` (\(source.published.iso)); a report is written before it is published",
                        at: source.location(of: "written")))
            }
            let report = Report(
                source: source.path, title: source.title, township: township, year: source.year,
                published: source.published, written: source.written, indexNumber: source.indexNumber,
                issuer: source.issuer ?? township.organ, documentNumber: source.documentNumber,
                statistics: source.statistics, bodyFirstLine: source.bodyFirstLine, file: source.file,
                contentHash: source.contentHash, findings: source.findings)
            reports.append(report)
        }
        return (Portal(config: config, reports: reports), diagnostics)
    }
}
