extension Message {
    /// The message in English, for developers and CI logs read abroad.
    var english: String {
        switch self {
        case .unconverted(let words): return words
        // MARK: - Preview (serve)

        // MARK: - Scaffold (init, new)
        case .helpInitAbstract: return "Create a new portal of government information disclosure annual reports."
        case .helpInitDiscussion:
            return """
                Writes the portal's settings Content/portal.yml (every key explained in a comment), the \
                Content/reports/ folder for the reports, the default theme Themes/default/ and a .gitignore \
                into the folder (default: the current folder). Run on a terminal with options missing, it asks \
                for them; otherwise every missing option is listed at once. A folder that already has \
                Content/portal.yml is left alone. The new portal builds at once with portal-gen build.
                """
        case .helpInitFolder: return "The folder of the new portal (created when missing); default: the current folder."
        case .helpCounty: return "The county or district, e.g. 示例县."
        case .helpHostOrgan: return "The organ that runs the portal (主办单位), in every page's footer, e.g. 示例县人民政府办公室."
        case .helpSiteName: return "The site's name, in every page's header and title; default: the county followed by 政府信息公开工作年度报告."
        case .helpContact: return "Contact details (telephone, address), in every page's footer."
        case .helpInitTownship:
            return
                "One township's name, once per township, in the county's official order; its organ is <county><name>人民政府 (…办事处 for a 街道) unless written as NAME=ORGAN."
        case .helpLanguage: return "The language of the messages: zh (Chinese, the default) or en (English)."
        case .helpNewAbstract: return "Create a report file with every item still to fill in."
        case .helpNewDiscussion:
            return """
                Writes <content>/reports/<year>/<slug>.md: front matter with every key (the title filled in; \
                published, index_number and the others to fill, with comments saying how), the three statistics \
                tables all zeros, and a body of the six official section headings with a line to replace each. \
                An existing file is never overwritten. Fill in published and index_number, then run portal-gen check.
                """
        case .helpNewTownship: return "The township the report is for, as named in portal.yml, e.g. 城关镇."
        case .helpYear: return "The reporting year, e.g. 2025 (the year whose work the report covers)."
        case .helpContent: return "The content folder (portal.yml and the reports); default: Content."
        case .unknownLanguage(let name): return "--lang must be zh (Chinese) or en (English), not `\(name)`"
        case .initMissingOptions(let options):
            let lines = options.map { option in
                let meaning =
                    switch option {
                    case .county: "the county or district (县（区）名称)"
                    case .hostOrgan: "the organ that runs the portal (主办单位)"
                    case .contact: "contact details: telephone, address (联系方式)"
                    case .townships: "a township's name, once per township, in the county's official order"
                    case .township: "the township the report is for"
                    case .year: "the reporting year"
                    }
                return "  " + option.flag.padding(toLength: 14, withPad: " ", startingAt: 0) + meaning
            }
            return
                (["These required options are missing (there is no terminal to ask on, so give them on the command line):"] + lines + [
                    "For example:",
                    "  portal-gen init --county 示例县 --host-organ 示例县人民政府办公室 --contact \"电话：0000-00000000\" --township 城关镇 --township 东湖镇",
                ]).joined(separator: "\n")
        case .initPortalExists(let settings):
            return
                "`\(settings)` already exists: this folder already has a portal, and portal-gen init leaves it alone. To create a portal, name a new folder, e.g. portal-gen init new-portal"
        case .initInvalidValues: return "the values given cannot be written into portal.yml (see above); nothing was created. Correct them and run again."
        case .initCancelled: return "Cancelled; nothing was created."
        case .scaffoldWriteFailed(let path, let reason): return "cannot write `\(path)`: \(reason)"
        case .initDone(let folder, let siteName, let townships, let firstTownship, let year, let keptTheme):
            var lines = [
                "Created the portal “\(siteName)” (\(townships) township\(townships == 1 ? "" : "s")) in \(folder == "." ? "the current folder" : folder):",
                "  Content/portal.yml   the portal's settings, every key explained; edit them at any time",
                "  Content/reports/     the annual reports go here, one .md file each",
                keptTheme ? "  Themes/default/      the theme folder that was there, left as it was" : "  Themes/default/      the site's default theme",
                "  .gitignore           keeps the generated site (Output/) out of version control",
                "Next:",
            ]
            if folder != "." { lines.append("  cd \(folder)") }
            lines.append("  portal-gen new --township \(firstTownship) --year \(year)   start a report")
            lines.append("  portal-gen build   make the site, in the Output folder")
            return lines.joined(separator: "\n")
        case .askIntro: return "Creating a portal of annual reports. Please answer these questions (Ctrl-D cancels)."
        case .askCounty: return "County or district (县（区）名称), e.g. 示例县: "
        case .askHostOrgan(let county): return "Organ that runs the portal (主办单位), e.g. \(county)人民政府办公室: "
        case .askContact: return "Contact details (联系方式: telephone, address), e.g. 电话：0000-00000000: "
        case .askSiteName(let suggested): return "Site name (press Enter for “\(suggested)”): "
        case .askTownshipsIntro: return "Enter the townships' names in the county's official order, one per line; an empty line ends the list:"
        case .askTownship(let number): return "  township \(number): "
        case .askRequired: return "This one is required; please enter it."
        case .askTownshipRequired: return "A portal needs at least one township; please enter a name."
        case .askTownshipRepeated(let name): return "“\(name)” was entered already; enter each township once."
        case .newMissingOptions(let options, let example):
            return "\(options.map(\.flag).joined(separator: " and ")) missing: say which township and reporting year the report is for, e.g. \(example)"
        case .newInvalidYear(let text): return "--year is the reporting year, four digits such as --year 2025, not `\(text)`"
        case .newYearNotEnded(let year, let current):
            return
                "\(year) has not ended yet (it is \(current) now), and an annual report covers a year that has ended; check --year, e.g. --year \(current - 1)"
        case .newNoSettings(let settings):
            return
                "the portal's settings `\(settings)` were not found: run this in the portal's folder (the one with the Content folder) or pass --content DIR; without a portal yet, run portal-gen init first"
        case .newSettingsInvalid(let settings): return "`\(settings)` has errors (see above); correct it before creating a report."
        case .newUnknownTownship(let name, let closest):
            return closest.isEmpty
                ? "portal.yml lists no township `\(name)`, nor any other; add the townships to `townships` in portal.yml first"
                : "portal.yml lists no township named `\(name)`; the closest are: \(closest.joined(separator: "、")). Use a name listed in portal.yml, e.g. --township \(closest[0])"
        case .newReportExists(let path):
            return
                "`\(path)` already exists, and portal-gen new never overwrites it: to change that report, edit the file; to start again, delete or rename it first"
        case .newWritten(let path, let check):
            return """
                Wrote \(path)
                Next: fill in the publication date (published) and the index number (index_number), then run \(check)
                (The three statistics tables are all zeros: change them to the real figures; replace each 请填写 line of the body with the report's text.)
                """
        case .valueToFill(let key, let label): return "`\(key)` (\(label)) is not filled in yet: write its value after the colon on this line"
        }
    }
}
