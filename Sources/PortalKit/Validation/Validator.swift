/// Checks parsed reports against the settings and each other, and builds the validated model.
enum Validator {
    /// `today` is only used to catch reports dated in the future; it never appears in the output.
    /// `attachments` are the checked attachments of each report, by its file's absolute path (`AttachmentCheck`).
    static func validate(
        config: PortalConfig, sources: [ReportSource], attachments: [String: [Attachment]] = [:], today: CalendarDate = .today
    ) -> (portal: Portal, diagnostics: [Diagnostic]) {
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
                // The organ's full name (`示例县城关镇人民政府`) names its township too.
                let named = config.townships.first { $0.organ == source.township || source.township.hasSuffix($0.name) }
                let suggestion = named?.name ?? Suggestion.closest(to: source.township, in: names)
                let message = Message.townshipUnknown(name: source.township, suggestion: suggestion, names: names)
                diagnostics.append(.error(message, at: source.location(of: "township")))
                continue
            }
            // A year in which the township did not exist is a mistake in the report or in portal.yml:
            // the grid could not show it (see `TownshipLifecycle`).
            if !township.lifecycle.exists(in: source.year) {
                diagnostics.append(
                    .error(
                        .reportOutsideExistence(
                            township: township.name, year: source.year, established: township.lifecycle.established,
                            abolished: township.lifecycle.abolished),
                        at: source.location(of: "year")))
                continue
            }
            // The report is shown under the name of its year, whatever name it was written under.
            let named = township.named(in: source.year)
            if source.township != township.name, source.township != named.name,
                let former = township.lifecycle.formerNames.first(where: { $0.name == source.township })
            {
                diagnostics.append(
                    .warning(
                        .reportFormerNameOutOfTime(written: source.township, year: source.year, until: former.until, present: named.name),
                        at: source.location(of: "township")))
            }
            let key = ReportID(township: township.slug, year: source.year)
            if let first = byKey[key] {
                diagnostics.append(
                    .error(
                        .reportDuplicated(township: township.name, year: source.year, other: first),
                        at: source.location(of: "year")))
                continue
            }
            byKey[key] = source.path
            if let first = byIndexNumber[source.indexNumber] {
                diagnostics.append(
                    .error(
                        .indexNumberDuplicated(number: source.indexNumber, other: first),
                        at: source.location(of: "index_number")))
            } else {
                byIndexNumber[source.indexNumber] = source.path
            }
            if source.year >= today.year {
                diagnostics.append(
                    .error(
                        .yearNotEnded(year: source.year, currentYear: today.year),
                        at: source.location(of: "year")))
            } else if source.published > today {
                diagnostics.append(
                    .warning(.publishedInFuture(date: source.published.iso), at: source.location(of: "published")))
            }
            if source.published.year <= source.year {
                diagnostics.append(
                    .error(
                        .publishedTooEarly(date: source.published.iso, year: source.year),
                        at: source.location(of: "published")))
            }
            if let written = source.written, written > source.published {
                diagnostics.append(
                    .error(
                        .writtenAfterPublished(written: written.iso, published: source.published.iso),
                        at: source.location(of: "written")))
            }
            let report = Report(
                source: source.path, title: source.title, township: named, year: source.year,
                published: source.published, written: source.written, indexNumber: source.indexNumber,
                issuer: source.issuer ?? named.organ, documentNumber: source.documentNumber, attachments: attachments[source.file] ?? [],
                statistics: source.statistics, bodyFirstLine: source.bodyFirstLine, file: source.file,
                contentHash: source.contentHash, summaryHash: source.summaryHash, findings: source.findings)
            reports.append(report)
        }
        return (Portal(config: config, reports: reports), diagnostics)
    }
}
