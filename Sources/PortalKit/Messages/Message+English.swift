import Foundation

extension Message {
    /// The message in English, for developers and CI logs read abroad.
    var english: String {
        switch self {

        // MARK: - Reading the content folder

        case .contentFolderMissing(let folder):
            return "the content folder `\(folder)` does not exist; run portal-gen in the portal's folder or pass --content DIR"
        case .settingsMissing(let file):
            return "the settings file is missing; create `\(file)` in the content folder (see docs/content.md), or start a portal with portal-gen init"
        case .nameNotUTF8:
            return "a file or folder name here is not valid UTF-8 (it may be in GBK); rename it with a UTF-8 name so it can be read"
        case .folderUnreadable(let reason):
            return "this folder cannot be opened (\(reason)), so the reports in it were not read; check its permissions"
        case .symbolicLinkSkipped:
            return
                "this is a symbolic link, which portal-gen does not follow (what it points to is not read); copy the file or folder itself into the content folder"
        case .fileTooLarge(let megabytes, let limit):
            return "the file is \(megabytes) MB; a report file may be at most \(limit) MB (put attachments on the portal as files, not into the text)"
        case .fileChangedWhileRead:
            return "the file was changed during the build (it was being written while it was read); wait until the editor has saved it and build again"
        case .fileChangedAfterParse:
            return "the file was changed during the build (after it was parsed); wait until the editor has saved it and build again"
        case .fileUnreadable(let reason):
            return "cannot read the file: \(reason)"
        case .fileHasNUL(let offset, let looksLikeUTF16):
            return
                "the file contains a NUL byte\(offset.map { " at offset \($0)" } ?? "")\(looksLikeUTF16 ? " (it looks like UTF-16 without a byte-order mark)" : ""); save it as UTF-8 text"
        case .fileBadUTF16:
            return "the file starts like UTF-16 but cannot be decoded; save it as UTF-8"
        case .fileNotUTF8(let offset):
            return "the file is not valid UTF-8 (first bad byte at offset \(offset)); save it as UTF-8 (in Notepad: Save As → Encoding → UTF-8)"

        // MARK: - Front matter and YAML

        case .frontMatterAbsent(let fileIsEmpty):
            return
                "\(fileIsEmpty ? "the file is empty" : "the file does not start with front matter"); a report starts with a line `---`, then its details (title, township, year, …), then another line `---`, then the text"
        case .frontMatterUnclosed:
            return "the front matter opened on line 1 is never closed; add a line `---` after the last detail line"
        case .yamlTooLarge(let part, let limit):
            return "\(part.english) is larger than \(limit) MB; portal files never need that much"
        case .yamlAlias(let part, let sign):
            return "\(part.english) uses a YAML anchor or alias (`\(sign)name`); portal files do not need them: write each value out"
        case .yamlTooDeep(let part, let limit):
            return "\(part.english) is nested more than \(limit) levels deep; portal files use at most three"
        case .yamlEmpty(let part):
            return "\(part.english) is empty; write its settings as `key: value` lines"
        case .yamlNotMapping(let part):
            return "\(part.english) must be a list of `key: value` lines"
        case .yamlFullWidth(let character, let name, let replacement, let example):
            return
                "this is a full-width “\(character)” (\(name)); YAML needs the ASCII “\(replacement)” here: retype it with an English keyboard layout, for example `\(example)`"
        case .yamlEmptyItem:
            return "a figure is missing here (nothing between two commas); write ~ for a blank cell, for example `[6, 1, ~, 0]`"
        case .yamlColonInValue(let key, let value):
            return "this value holds a colon followed by a space, which YAML reads as a new key; put the whole value in double quotes: `\(key): \(value)`"
        case .yamlTabIndent:
            return "this line is indented with a tab; YAML allows only spaces: replace the tab with spaces (two per level)"
        case .yamlNoSpaceAfterColon(let key, let value):
            return "the colon after `\(key)` needs a space after it; write `\(key): \(value)`"
        case .yamlUnclosedQuote(let quote):
            return "the quote \(quote) opened here is never closed; add \(quote) at the end of the value, or remove the opening quote"
        case .yamlUnclosedBracket(let open, let close):
            return "the “\(open)” opened here is never closed; add “\(close)” at the end of the line"
        case .yamlSyntax(let problem):
            return
                "the YAML cannot be read here (\(problem)); check the indentation, that colons are ASCII and followed by a space, and that text containing `:` or `#` is in quotes"
        case .yamlDuplicateKey(let keys):
            return "the key `\(keys.joined(separator: "`, `"))` is written twice; keep one"
        case .keyNotText(let part):
            return "\(part.english) keys must be plain words"
        case .unknownKey(let key, let part, let suggestion, let known):
            return
                "unknown key `\(key)` in \(part.english)\(suggestion.map { "; did you mean `\($0)`?" } ?? "; the known keys are: \(known.joined(separator: ", "))")"
        case .keyMissing(let key, let label):
            return "`\(key)` (\(label)) is missing; add a line `\(key): …`"
        case .keyEmpty(let key, let label):
            return "`\(key)` (\(label)) is empty; write its value after the colon"
        case .valueNotText(let key, let label):
            return "`\(key)` (\(label)) must be a single line of text, not a list or a group"
        case .hiddenCharacter(let key, let label, let position, let code, let isDirectionControl):
            return
                "character \(position) of `\(key)` (\(label)) is \(isDirectionControl ? "the text-direction control \(code), which makes the text show in another order than it is written; delete it" : "the control character \(code), which does not show but disturbs pages and tables; delete it (it comes from text copied out of other programs, or from YAML escapes such as \\0, \\a, \\e)")"
        case .notWholeNumber(let key, let label, let text):
            return "`\(key)` (\(label)) is `\(text)`; it must be a whole number written with digits 0-9, for example `\(key): 2024`"
        case .fullWidthDigits(let key, let label, let text, let ascii):
            return "`\(key)` (\(label)) is written with full-width digits `\(text)`; use the ASCII digits: `\(key): \(ascii)`"
        case .numberOutOfRange(let key, let label, let value, let lowest, let highest):
            return "`\(key)` (\(label)) is \(value); it must be between \(lowest) and \(highest)"
        case .notTrueOrFalse(let key, let label):
            return "`\(key)` (\(label)) must be `true` or `false`"
        case .dateWithTime(let key, let label, let text, let date):
            return "`\(key)` (\(label)) is `\(text)`, which has a time or time zone; write the date only, as `\(key): \(date)`"
        case .dateWrongForm(let key, let label, let text, let date):
            return "`\(key)` (\(label)) is written `\(text)`; write dates as YYYY-MM-DD with hyphens and two-digit month and day: `\(key): \(date)`"
        case .dateNotReal(let key, let label, let text):
            return "`\(key)` (\(label)) is `\(text)`, which is not a real date; write it as YYYY-MM-DD, for example `\(key): 2025-01-20`"
        case .notAGroup(let key, let label):
            return "`\(key)` (\(label)) must be a group of indented `key: value` lines"
        case .notAList(let key, let label):
            return "`\(key)` (\(label)) must be a list of items, each starting with `- `"
        case .listItemNotAGroup(let key, let label):
            return "each item of `\(key)` (\(label)) must be a group of `key: value` lines"

        // MARK: - Settings (portal.yml)

        case .basePathInvalid:
            return "`base_path` must be a plain path of letters, digits, `-`, `_`, `.` and `/`, such as `/xxgk/ndbg/`"
        case .siteURLInvalid:
            return
                "`site_url` must be written `https://domain`, optionally with a port and a path, for example `https://www.example.gov.cn` or `https://www.example.gov.cn/xxgk`; no `@`, `?`, `#`, spaces or user name"
        case .policeLinkInvalid:
            return "`police_link` must start with https://"
        case .identityLinkInvalid(let key, _):
            return "`\(key)` must be a web address starting with https:// or http://, for example `https://bszs.conac.cn/sitename?method=show&id=…`"
        case .badgePathInvalid(let path):
            return
                "`badge` `\(path)` must be a relative path inside the content folder, for example `badge: images/dzjg.png`; it cannot start with `/` or contain `..` or `\\`"
        case .badgeFileMissing(let path, let folder):
            return "the 党政机关网站标识 image `\(path)` was not found (looked in the folder `\(folder)`); put the image there or correct the path after `badge:`"
        case .badgeImageUnreadable(let path):
            return "the 党政机关网站标识 image `\(path)` is not a PNG, JPEG or GIF image whose size can be read; use the PNG image issued with the registration"
        case .deadlineInvalid(let text):
            return "`deadline` is `\(text)`; write the month and day in the year after the report year as MM-DD, for example `deadline: 03-31` for 31 March"
        case .townshipsEmpty:
            return "`townships` lists no township; add one item per township in the county's official order"
        case .creditCodeInvalid(let code):
            return "`credit_code` `\(code)` is not an 18-character 统一社会信用代码 (digits and capital letters)"
        case .slugInvalid(let slug, let reserved):
            return
                "`slug` `\(slug)` cannot be used in a web address; use lowercase letters a-z, digits and hyphens (not only digits, not one of \(reserved.joined(separator: ", "))), for example `slug: huazhuang`"
        case .slugUnderivable(let name):
            return "no web address can be made from the name `\(name)`; add a line `slug: …` with lowercase letters a-z, digits and hyphens"
        case .townshipListedTwice(let name, let firstLine):
            return "the township `\(name)` is listed twice (first on line \(firstLine)); list each township once"
        case .slugShared(let name, let other, let otherLine, let slug):
            return "`\(name)` and `\(other)` (line \(otherLine)) would both use the web address `\(slug)`; give one of them its own `slug: …`"
        case .supervisionInvalid(let text):
            return
                "`supervision` is `\(text)`; write `public` (on the public site, the default), `office` (made only for the supervising office, outside the public site) or `none` (not made)"
        case .abolishedBeforeEstablished(let name, let established, let abolished):
            return
                "the township `\(name)` has `abolished` \(abolished) before `established` \(established); correct one of them: abolished is the last year a report is due"
        case .mergedIntoWithoutAbolished(let name):
            return
                "the township `\(name)` has `merged_into` but no `abolished`; add `abolished: YEAR` with the last year a report is due, for example `abolished: 2023`"
        case .mergedIntoUnknown(let name, let target, let suggestion):
            return
                "the township `\(name)` has `merged_into` `\(target)`, which is not in `townships` of portal.yml\(suggestion.map { "; did you mean `\($0)`?" } ?? "; write the name or slug of another township of the list")"
        case .mergedIntoItself(let name):
            return "the township `\(name)` has `merged_into` pointing to itself; write the name or slug of the township it was merged into"
        case .mergedIntoGone(let name, let target, let year):
            return
                "the township `\(name)` is merged into `\(target)`, but `\(target)` does not exist in \(year) (see its established / abolished); check the years of both"
        case .formerNameUntilOutside(let name, let former, let until, let first, let last):
            return
                "the former name `\(former)` of `\(name)` has `until: \(until)`, outside the township's years\(first.map { " (established \($0))" } ?? "")\(last.map { " (last year \($0))" } ?? ""); until is the last year of the former name, after the establishment and before the present name"
        case .formerNameTaken(let former, let other, let otherLine):
            return
                "the former name `\(former)` is already used by the township `\(other)` (line \(otherLine)); a name can belong to one township only, or reports could not be told apart"
        case .formerNameUntilRepeated(let former, let other, let until):
            return "the former names `\(former)` and `\(other)` both have `until: \(until)`; a year has one name, correct one of them"
        case .reportOutsideExistence(let township, let year, let established, let abolished):
            return
                "this is the \(year) report of \(township), but by portal.yml \(township) \(established.map { "was established in \($0)" } ?? "")\(established != nil && abolished != nil ? " and " : "")\(abolished.map { "was abolished after \($0)" } ?? ""); check the report's `year` and `township`, or established / abolished in portal.yml"
        case .reportFormerNameOutOfTime(let written, let year, let until, let present):
            return
                "`township` is the former name `\(written)`, used until \(until); in \(year) the township is called `\(present)` and the report is shown under that name. Write `township: \(present)`, or check the former name's until in portal.yml"
        case .officeFolderInsideOutput(let office, let output):
            return
                "the office folder `\(office)` and the output folder `\(output)` contain one another; it must be outside the output folder (for example beside it), or it would be published with the site"
        case .officeFolderUnwritable(let office, let reason):
            return "cannot write the office folder `\(office)`: \(reason)"
        case .officeNotRequested:
            return
                "portal.yml sets `supervision: office`: the public site has no supervision page; to make it for the office run portal-gen build --office FOLDER (outside the output folder)"
        case .officeIgnored:
            return "portal.yml sets `supervision: none`: no supervision page is made and --office is ignored"
        case .unsafeHTMLEnabled:
            return
                "portal.yml sets `unsafe_html: true`: raw HTML and javascript: links in reports are published as written; set it only when every report is trusted"

        // MARK: - Statistics tables in the front matter

        case .formatInvalid(let text):
            return
                "`format` is `\(text)`; write `format: 2021` (国办公开办函〔2021〕30号), `format: 2019` (the 2019 trial format), or `format: legacy` for a report from before 2019 without the official tables"
        case .formatConflict(let declared, let evidence, let shown):
            return "`format: \(declared)` does not match the tables: \(evidence), which is the \(shown) format; correct `format` or the tables"
        case .formatUnknown(let evidence):
            return
                "cannot tell whether this report uses the 2021 or the 2019 format (\(evidence.isEmpty ? "the tables do not show it" : "the tables mix both: " + evidence.joined(separator: "; "))); add a line `format: 2021` or `format: 2019`"
        case .legacyHasTables(let table, let caption):
            return
                "this report says `format: legacy`, so its front matter has no `\(table)` (\(caption)): a legacy report keeps its tables as published, as Markdown tables in the body (cells separated by |); remove this key and move the table into the body"
        case .legacyInOfficialYear(let year):
            return
                "this is a report for \(year) marked `format: legacy`; reports from 2019 on have the official tables: where possible write its three tables in the front matter (`format: 2021` or `format: 2019`), so they are checked and added to the county compilation"
        case .otherRowsMixed(let row, let rows, let splitRows):
            return
                "T3 (六) 其他处理 has both `\(row)` (one row) and \(rows.map { "`\($0)`" }.joined(separator: ", ")) (three rows); write it the one way the published table does: only `\(row)` when it is one row, only \(splitRows.map { "`\($0)`" }.joined(separator: ", ")) when it is three"
        case .rowUnknown(let row, let table, let format, let otherFormat, let suggestion, let rows):
            return
                "`\(row)` is not a row of \(table) in the \(format) format\(otherFormat.map { " (it belongs to the \($0) format)" } ?? suggestion.map { "; did you mean `\($0)`?" } ?? ""); its rows are: \(rows.joined(separator: ", "))"
        case .rowMissing(let table, let row, let label, let example):
            return "\(table) row `\(row)` (\(label)) is missing; add `\(row): \(example)`"
        case .rowNotBracketed(let table, let row, let label, let count, let columns, let example):
            return
                "\(table) row `\(row)` (\(label)) must list its \(count) figures in brackets, in column order: \(columns.joined(separator: ", ")); for example `\(row): \(example)`"
        case .rowFullWidthBrackets(let table, let row, let label, let example):
            return
                "\(table) row `\(row)` (\(label)) uses full-width brackets or commas (“［”, “］”, “，”); use the ASCII `[`, `]` and `,`, for example `\(row): \(example)`"
        case .rowWrongCount(let table, let row, let label, let found, let count, let columns):
            return
                "\(table) row `\(row)` (\(label)) has \(found) figure\(found == 1 ? "" : "s"), but it needs \(count): \(columns.joined(separator: ", ")); write ~ for a blank cell"
        case .cellNotScalar(let table, let row, let label, let column, let columnLabel):
            return "\(table) row `\(row)` (\(label)), column \(column) (\(columnLabel)) must be a number"
        case .cellNotNumber(let table, let row, let label, let column, let columnLabel, let text):
            return
                "\(table) row `\(row)` (\(label)), column \(column) (\(columnLabel)): `\(text)` is not a number; write the figure with digits 0-9 (a decimal point for 万元), or ~ if the cell was left blank"
        case .cellFullWidthDigits(let table, let row, let label, let column, let columnLabel, let text, let ascii):
            return
                "\(table) row `\(row)` (\(label)), column \(column) (\(columnLabel)) is written with full-width digits `\(text)`; use ASCII digits: `\(ascii)`"

        // MARK: - Statistics rules (findings)

        case .blankCells(let table, let count, let rows, let firstRow, let firstColumn):
            return
                "\(table) has \(count) blank cell\(count == 1 ? "" : "s") (rows \(rows.joined(separator: ", ")); the first is row \(firstRow), column \(firstColumn)); blank cells are shown blank and count as 0 in sums"
        case .figureWrongKind(let table, let row, let column, let value, let kind):
            return "\(table) row \(row), column \(column): \(value) is not \(kind.english)"
        case .figuresTooLarge(let table, let row, let column):
            return "\(table) row \(row), column \(column): the figures involved are too large to be added; check them"
        case .t3BalanceBroken(let column, let received, let carried, let left, let total, let carriedOn, let right):
            return "column \(column): 本年新收 \(received) + 上年结转 \(carried) = \(left), but 总计 \(total) + 结转下年度 \(carriedOn) = \(right)"
        case .t3ResultsBroken(let column, let total, let terms, let sum):
            return "column \(column): 总计 is \(total), but the results add up to \(Term.list(terms, " + ")) = \(sum)"
        case .t3ApplicantsBroken(let row, let total, let terms, let sum):
            return "row \(row): 总计 is \(total), but \(Term.list(terms, " + ")) = \(sum)"
        case .t4ResultsBroken(let group, let row, let total, let terms, let sum):
            return "\(group.map { $0 + " " } ?? "")\(row): 总计 is \(total), but \(Term.list(terms, " + ")) = \(sum)"
        case .carriedOverBroken(let column, let value, let year, let previousYear, let previousFile, let previousValue):
            return
                "column \(column): 上年结转 is \(value) in the \(year) report, but the \(previousYear) report (\(previousFile)) carried \(previousValue) over (结转下年度继续办理)"
        case .documentsInForceBroken(let row, let value, let previousYear, let previousValue, let issued, let repealed, let expected):
            return
                "\(row): 现行有效件数 is \(value), but \(previousYear)'s \(previousValue) + 本年制发 \(issued) − 本年废止 \(repealed) = \(expected) (this is expected after a clean-up of documents)"
        case .narrativeDisagrees(let quote, let row, let total):
            return "the text says \(quote), but T3 \(row) 总计 is \(total)"
        case .compilationTooLarge(let year, let table, let row, let column, let files):
            return
                "the county's \(year) summary cannot be computed: the total of \(table) row \(row), column \(column) is too large (reports: \(files.map { "`\($0)`" }.joined(separator: ", "))); check that column in these reports"

        // MARK: - Reports against the settings and each other

        case .townshipUnknown(let name, let suggestion, let names):
            return
                "the township `\(name)` is not listed in portal.yml\(suggestion.map { "; did you mean `\($0)`?" } ?? "; use one of: \(names.joined(separator: "、")), or add it to `townships` in portal.yml")"
        case .reportDuplicated(let township, let year, let other):
            return "\(township) already has a report for \(year) in \(other); keep one of the two files, or correct `year`"
        case .indexNumberDuplicated(let number, let other):
            return "the 索引号 `\(number)` is already used by \(other); every report needs its own index number"
        case .yearNotEnded(let year, let currentYear):
            return "`year` is \(year), but a report covers a whole calendar year that has ended (it is now \(currentYear)); check `year`"
        case .publishedInFuture(let date):
            return "`published` is \(date), a date still to come; check it before publishing"
        case .publishedTooEarly(let date, let year):
            return "`published` is \(date), but a report for \(year) can only be published after the year ends; check `published` and `year`"
        case .writtenAfterPublished(let written, let published):
            return "`written` (成文日期 \(written)) is after `published` (\(published)); a report is written before it is published"

        // MARK: - Attachments

        case .attachmentItemInvalid:
            return
                "this item of `attachments` (附件) is neither a file name nor a `file:`/`title:` group; write `- report.pdf`, or `- file: signed.pdf` and below it `  title: 盖章原件`"
        case .attachmentPathRefused(let path, let problem):
            return "attachment `\(path)` \(problem.english)"
        case .attachmentTypeUnsupported(let path, let ext, let allowed):
            return
                "attachment `\(path)`: \(ext.isEmpty ? "a file without an extension" : "the type `.\(ext)`") cannot be published as an attachment; the types accepted are \(allowed.joined(separator: ", ")). Save it as one of them (e.g. as PDF)"
        case .attachmentListedTwice(let path, let firstLine):
            return "attachment `\(path)` is already listed on line \(firstLine); remove this line"
        case .attachmentMissing(let path, let missing, let isFolder):
            return
                "attachment `\(path)` not found: the report file's folder has no \(isFolder ? "folder" : "file") `\(missing)`; put the file beside the report file or correct its name (mind the extension and case)"
        case .attachmentThroughLink(let path, let link):
            return
                "attachment `\(path)` goes through the symbolic link `\(link)`, which portal-gen does not follow (it may lead outside the content folder); copy the file itself beside the report file"
        case .attachmentNotAFile(let path):
            return "attachment `\(path)` is a folder, not a file; name the file in it to publish (several files can go into one ZIP file)"
        case .attachmentTooLarge(let path, let megabytes, let limit):
            return
                "attachment `\(path)` is \(megabytes) MB, over the limit of \(limit) MB per attachment; compress it (reduce the PDF's size, scan at a lower resolution) or split it"
        case .attachmentEmpty(let path):
            return "attachment `\(path)` is empty (0 bytes); put the real file there"
        case .attachmentContentMismatch(let path, let format, let found):
            return
                "attachment `\(path)` is not a \(format) file\(found.map { " (it looks like a \($0) file)" } ?? "") — perhaps its extension was changed. Save it as \(format) from the program that made it, or give it back its own extension"
        case .attachmentUnreadable(let path, let reason):
            return "cannot read attachment `\(path)` (\(reason)); check the file's permissions"
        case .attachmentChangedWhileCopied(let path):
            return "attachment `\(path)` was modified during the build; wait until it is saved and build again"

        // MARK: - Links and Markdown

        case .placeholderLeft:
            return "the text still holds a placeholder “（请填写……）” that readers would see; replace it with the report's text or delete the line"
        case .linkBackslash(let url):
            return "the link `\(url)` contains a backslash `\\`, which browsers read as `/`; use `/`"
        case .linkWithoutScheme(let url, let suggestion):
            return "the link `\(url)` starts with `//` and names no scheme; write the full address, for example `\(suggestion)`"
        case .linkSchemeRefused(let url, let scheme):
            return
                "the link `\(url)` uses `\(scheme):`; links in reports may only point to pages and files of the site, or start with https://, http://, mailto: or tel:"
        case .linkEncodedHiding(let url, let decoded):
            return "the link `\(url)` decodes to `\(decoded)`, hiding a scheme or path in its encoding; write the link plainly"
        case .linkBroken(let url, let target):
            return
                "the link `\(url)` points to `\(target)`, which is not a page or file of the site; correct the link or use a full address starting with https://"
        case .themeLinkBroken(let template, let url, let page, let target):
            return "the theme template `\(template).mustache` links to `\(url)` on page `\(page)`, but the site has no file `\(target)`"

        // MARK: - Themes

        case .templateUnreadable(let problem):
            return "the template cannot be read: \(problem); check that every {{#section}} is closed by a matching {{/section}}"
        case .themeNoTemplatesFolder:
            return "the theme has no `templates` folder; a theme is a folder with `templates/` (Mustache files) and `assets/`"
        case .themeTemplateMissing(let name):
            return "the theme has no `\(name).mustache` template; copy it from Themes/default/templates"
        case .themeNotFound(let name, let tried):
            return
                "the theme `\(name)` was not found (looked for \(tried.map { "`\($0)`" }.joined(separator: " or "))); pass --theme with a theme name or folder"
        case .themeFileUnreadable(let reason):
            return "cannot read the theme file: \(reason)"

        // MARK: - Writing the output

        case .outputRefusedFolder(let folder):
            return "refusing to write the site into `\(folder)`: choose a folder of its own, for example --output Output"
        case .outputWouldReplace(let output, let folder):
            return "refusing to write the site into `\(output)`: it would replace `\(folder)`; choose a folder of its own, for example --output Output"
        case .outputInsideSources(let output, let folder):
            return "refusing to write the site into `\(output)`: it is inside `\(folder)`; choose an output folder outside the content and theme folders"
        case .outputIsFile(let output):
            return "`\(output)` is a file, not a folder; delete it or choose another folder with --output"
        case .outputNotOurs(let output):
            return "`\(output)` holds files portal-gen did not write; refusing to replace them: choose another folder with --output, or empty it yourself"
        case .outputParentUnusable(let folder, let reason):
            return "cannot create or open the folder `\(folder)`: \(reason)"
        case .outputLocked(let output):
            return "another portal-gen is building `\(output)`; wait until it has finished"
        case .lockUncreatable(let output, let reason):
            return "cannot create the lock file beside `\(output)` (\(reason)); check that the folder is writable"
        case .recoveryFailed(let output, let reason):
            return "cannot complete the interrupted last build (\(reason)); `\(output)` may be incomplete: solve the problem and build again"
        case .stagingUncreatable(let output, let reason):
            return "cannot create the staging folder beside `\(output)`: \(reason)"
        case .outputFileUnwritable(let path, let reason):
            return "cannot write `\(path)` into the output folder: \(reason); the site is left as the last build wrote it"
        case .sitePathInvalid(let path):
            return "internal error: the site path `\(path)` is not a plain relative path inside the output folder"
        case .commitFailed(let output, let reason):
            return "cannot update `\(output)`: \(reason); the next build completes or redoes this step"
        case .recordIgnored(let record, let path, let problem):
            return
                "\(record.english) `\(path)` \(problem.english); it is ignored: \(record == .parseCache ? "every report file is parsed again" : "the site is rebuilt from the content")"

        // MARK: - Import

        case .importTooLarge(let megabytes, let limit):
            return "the file is \(megabytes) MB; portal-gen imports files of at most \(limit) MB"
        case .importKindUnsupported(let kind):
            return
                "portal-gen cannot import `.\(kind)` files; it reads .docx, .doc, .wps, .rtf, .pdf, .html/.htm and .txt/.md (open other files in Word or WPS and save them as Word Document (*.docx), or copy the text into a .txt file)"
        case .importDetailsMissing(let details, let command):
            return "the file does not state \(details.map(\.english).joined(separator: ", ")); give them all at once: `\(command)`"
        case .importTownshipNotListed(let name, let closest):
            return "--township `\(name)` is not listed in portal.yml; the closest listed names are: \(closest.joined(separator: "、"))"
        case .importNoTownships:
            return "portal.yml lists no townships; list the townships under `townships` first"
        case .importTableMissing(let table):
            return "table \(table) was not found"
        case .importFormatsDiffer(let t2, let t3):
            return "T2 is in the \(t2) format but T3 in the \(t3) format; check the tables"
        case .importT3RowMissing(let row):
            return "T3 row \(row) was not found; expected a row labelled like “\(row)” with 7 figures"
        case .importT3RunTogether(let row, let digits, let readings):
            return
                "T3 row \(row): the cells run together as `\(digits)`, \(readings.isEmpty ? "and no split into 7 figures adds up" : "which can be read \(readings.count) ways that all add up: \(readings.joined(separator: " or "))"); type the row’s figures separated by tabs"
        case .importT2RowMissing(let row):
            return "T2 row \(row) was not found"
        case .importT2RunTogether(let row, let digits, let count):
            return
                "the label “\(row)” is followed directly by the digits “\(digits)” with no separator, and they can be read more than one way (T2 has \(count) columns and no total to split by); check the original and separate the figures with spaces or tabs"
        case .importT4RunTogether(let digits, let splits):
            return
                "T4: the 15 figures run together as `\(digits)` and \(splits == 0 ? "no split adds up" : "\(splits) splits add up"); type them separated by tabs"
        case .importT4Scattered(let figures):
            return
                "the 15 figures of T4 (\(figures.joined(separator: " "))) stand on more than one line, and in reading order the groups do not add up to their totals, so their columns are not certain; check the original"
        case .importT4WrongCount(let found):
            return "T4 should have 15 figures (行政复议, 未经复议直接起诉 and 复议后起诉, 5 each), but \(found) were found"
        case .importRowWrongCount(let table, let row, let expected, let found, let cells):
            return
                "\(table) row \(row): expected \(expected) figure\(expected == 1 ? "" : "s"), found \(found) (\(cells.map { $0.isEmpty ? "(blank)" : $0 }.joined(separator: " ")))"
        case .importCellNotFigure(let table, let row, let text):
            return "\(table) row \(row): `\(text)` is not a figure"
        case .importNotWritten(let issue):
            return "\(issue.english) (these figures are not written; their row is treated as unreadable and left blank; check the original)"
        case .importLeftBlank(let issue, let cells):
            return cells > 0
                ? "\(issue.english) (\(cells) cell\(cells == 1 ? "" : "s") left blank as ~; fill \(cells == 1 ? "it" : "them") in from the original report)"
                : "\(issue.english) (written as it is; check it against the original report)"
        case .importNothingWritten:
            return "nothing was written for this file; correct the file, or pass --partial to write it with the unreadable cells left blank"
        case .importThroughLink(let path):
            return
                "`\(path)` is a symbolic link; import never writes through it out of the content folder: replace it with a real folder (or file) and import again"
        case .importTargetExists(let path):
            return "`\(path)` already exists; pass --force to replace it (the existing report is a published record: compare them first)"
        case .importUnwritable(let path, let reason):
            return "cannot write `\(path)`: \(reason)"
        case .importAttachKindUnsupported(let kind):
            return
                "--attach applies to PDF and Word/WPS files (.pdf, .docx, .doc, .wps) only; this .\(kind) file is imported as usual, without keeping the original as an attachment"
        case .importAttachmentExists(let path):
            return "`\(path)` already exists and differs from the original; import does not overwrite it. Add --force to replace it, or move it away first"
        case .importAttachmentTooLarge(let megabytes, let limit):
            return
                "the original is \(megabytes) MB, over the attachment limit of \(limit) MB, and was not kept as an attachment (the report was imported); compress it, put it beside the report file and list it under `attachments:`"
        case .htmlUnreadable:
            return "the file cannot be read as an HTML page"
        case .htmlEncodingMismatch(let declared, let actual):
            return
                "the page \(declared.map { "declares the encoding \($0)" } ?? "declares no encoding (read as UTF-8)"), but its content is \(actual), which would be read as garbage; save the page again from the browser as UTF-8, or correct <meta charset=…> to the file’s real encoding"
        case .docxNotOpenable:
            return "the file is not a Word document (.docx) that can be opened; open it in Word or WPS and save it again as .docx"
        case .docxNoBody:
            return "the Word document has no body (word/document.xml is missing); save it again as .docx"
        case .docxTooLarge(let limit):
            return "the Word document's text is larger than \(limit) MB; it is refused"
        case .docxUnreadable(let reason):
            return "the Word document cannot be read: \(reason)"
        case .docxDamaged(let reason):
            return "the Word document's XML is damaged (\(reason)); open and save it again in Word"
        case .importCellInYuan(let table, let row, let text, let column):
            return
                "\(table) row “\(row)”: “\(text)” is in yuan, but the column “\(column)” is in 10,000 yuan; portal-gen does not convert units; check the original and write it in 10,000 yuan"
        case .importLayoutRowDoesNotAddUp(let figures):
            return
                "the figures “\(figures)” have blank cells or run over two lines, so their columns can only be inferred from positions, and the inferred columns do not add up to the total; which figure belongs to which column is not certain; check the original"
        case .importLayoutReadingOrder(let lines):
            return
                "\(lines) lines of T3 figures have no row label beside, above or below them: the table in this text runs column by column or block by block (plain pdftotext output, or text copied from a PDF), so no figure's row can be known; import the PDF itself, or extract the text again with `pdftotext -layout`"
        case .importLayoutRowUnplaced(let figures):
            return
                "no T3 row label can be recognised beside, above or below the figures “\(figures)”, so their row is unknown; check the original and put the row's label on the same line as its figures"
        case .importLayoutRowTwice(let row, let otherLine):
            return "T3 row “\(row)” has two lines of figures (the other is on line \(otherLine)); which one is its own cannot be told; check the original"
        case .importLayoutColumnsUnknown:
            return
                "the seven columns of T3 cannot be found from positions: no row on this page has a figure in all seven columns to line them up with; import the Word original (.docx), or separate each row's figures with tabs"
        case .importLayoutFigureUnplaced(let text):
            return "the figure “\(text)” is not under any single column of T3 (or spans two), so its column is unknown; check the original"
        case .importTextEmpty:
            return
                "this file holds no text; if it was taken from a scanned PDF, there is no text in it: import the Word original (.docx), or use OCR and check the figures first"
        case .importPDFNoText:
            return
                "this PDF has no text layer (it is a scan or a photograph), so its text cannot be read; import the Word original (.docx), or make a text PDF with OCR and check its figures first"
        case .importPDFNoCharacterMap(let share):
            return
                "the fonts of this PDF have no character map: \(share)% of its extracted text is boxes or private-use characters; import the Word original (.docx), or use OCR first"
        case .importPDFToolMissing:
            return
                "importing a PDF needs poppler's pdftotext, which is not installed; install it (Debian/Ubuntu: `apt-get install poppler-utils`) or import the Word original (.docx)"
        case .importPDFToolFailed(let reason):
            return
                "pdftotext could not read this PDF: \(reason); the file may be damaged or password-protected; export it again or import the Word original (.docx)"
        case .importPDFTimedOut(let seconds):
            return "pdftotext took longer than \(seconds) seconds on this PDF and was stopped; export it again or import the Word original (.docx)"
        case .textUndecodable(let utf8Offset, let gbOffset):
            return
                "the file cannot be decoded as UTF-8 (bad byte at offset \(utf8Offset)), UTF-16 or GB18030 (bad byte at offset \(gbOffset)); save it as UTF-8 text or as a Word document"

        // MARK: - Command line

        case .wordConverterMissing(let kind):
            return
                "a .\(kind) file is converted to .docx by LibreOffice, which was not found on this computer (the soffice command). Either install LibreOffice and import again (Debian/Ubuntu: `sudo apt-get install libreoffice-writer-nogui`; Windows or macOS: https://www.libreoffice.org/download/), or open the file in Word or WPS, choose File → Save As, type Word Document (*.docx), and import the .docx file"
        case .wordConversionTimedOut(let kind, let seconds):
            return
                "LibreOffice took longer than \(seconds) seconds to convert this .\(kind) file and was stopped (the file may be damaged or very large); open it in Word or WPS, choose File → Save As, type Word Document (*.docx), and import the .docx file"
        case .wordConversionFailed(let kind, let failure):
            return
                "this .\(kind) file could not be converted to .docx: \(failure.english). The file may be damaged, protected by a password, or not really a .\(kind) file; open it in Word or WPS, choose File → Save As, type Word Document (*.docx), and import the .docx file"
        case .buildFailed(let errors):
            return "the build failed with \(errors) error\(errors == 1 ? "" : "s") (see above); the site is left as it was."
        case .buildUnchanged(let reports, let pages, let output, let seconds):
            return "Nothing changed since the last build: \(reports) reports, \(pages) pages in \(output) left as they were (\(seconds) s)"
        case .buildDone(let reports, let pages, let written, let unchanged, let output, let seconds):
            return
                "Built \(reports) reports: \(pages) pages, \(written) file\(written == 1 ? "" : "s") written (\(unchanged) unchanged) to \(output) in \(seconds) s"
        case .progress(let step, let done, let total):
            return "\(step.english) \(done.formatted(.number.grouping(.automatic)))/\(total.formatted(.number.grouping(.automatic))) reports…"
        case .checkSummary(let reports, let errors, let warnings):
            return "Checked \(reports) reports: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")."
        case .importNeedsSettings(let file):
            return "Import needs the portal's settings: create \(file) or pass --content DIR."
        case .inputMissing(let path):
            return "`\(path)` does not exist"
        case .importWrote(let path):
            return "Wrote \(path)"
        case .importAttached(let path):
            return "Kept the original as attachment \(path) (listed under the report's attachments:, offered for download on the site)"
        case .importAttachHint:
            return "Tip: add --attach to keep the original (PDF or Word file) beside the report, offered for download on the site"
        case .importWroteWithErrors(let path, let errors):
            return
                "`\(path)` was written, but it has \(errors) error\(errors == 1 ? "" : "s") (see above); correct the file as the messages say and run portal-gen check"
        case .importNoInputs:
            return "No .docx, .doc, .wps, .rtf, .pdf, .html, .htm, .txt or .md files were found."
        case .importSummaryImported(let file, let path):
            return "imported: \(file) → \(path)"
        case .importSummaryImportedWithErrors(let file, let path, let errors):
            return "imported with errors: \(file) → \(path) (\(errors) error\(errors == 1 ? "" : "s"), see above; correct the file)"
        case .importSummaryPartial(let file, let path, let cells):
            return
                "imported partially: \(file) → \(path) (\(cells) cell\(cells == 1 ? "" : "s") left blank, see the warnings above; fill them in from the original report)"
        case .importSummaryPrinted(let file, let path, let cells):
            return
                "dry run: \(file)\(path.map { " → \($0)" } ?? "") (not written\(cells > 0 ? "; \(cells) cell\(cells == 1 ? "" : "s") would be left blank" : ""))"
        case .importSummaryRefused(let file, let line, let reason):
            return "not imported: \(file): \(line.map { "line \($0): " } ?? "")\(reason.english)"
        case .importSummaryTotal(let files, let imported, let partial, let cells, let refused, let withErrors, let dryRun):
            let blanks = partial > 0 ? " (\(cells) cell\(cells == 1 ? "" : "s") left blank)" : ""
            let errors =
                withErrors > 0 ? "; \(withErrors) of the files written \(withErrors == 1 ? "has" : "have") errors, correct them as the messages above say" : ""
            if dryRun {
                return
                    "dry run, \(files) file\(files == 1 ? "" : "s"), nothing written: \(imported) can be imported, \(partial) partially\(blanks), \(refused) cannot"
            }
            return "\(files) file\(files == 1 ? "" : "s"): \(imported) imported, \(partial) imported partially\(blanks), \(refused) not imported\(errors)"
        case .jobsTooFew:
            return "--jobs must be at least 1"
        case .faultInvalid:
            return "--fault: expected stage|commit:N:kill|enospc|eio"
        case .optionDateInvalid(let option, let text, let suggestion):
            return
                "\(option) is `\(text)`; \(suggestion.map { "write dates as YYYY-MM-DD: \(option) \($0)" } ?? "it is not a real date: write it as YYYY-MM-DD, e.g. \(option) 2025-01-20")"
        case .optionYearInvalid:
            return "--year must be a reporting year such as 2024"
        case .languageInvalid(let text):
            return "--lang must be zh or en, not `\(text)`"
        case .commandUnknown(let given, let suggestion, let commands):
            return
                "there is no command `\(given)`\(suggestion.map { "; did you mean `portal-gen \($0)`?" } ?? ""). Commands: \(commands.joined(separator: ", ")); `portal-gen --help` lists them all"

        // MARK: - Command-line help

        case .valueCount: return "n"
        case .valueDate: return "date"
        case .valueFile: return "file"
        case .valueFolder: return "folder"
        case .valueIndexNumber: return "number"
        case .valueName: return "name"
        case .valueOrgan: return "organ"
        case .valuePort: return "port"
        case .valueText: return "text"
        case .valueTheme: return "name|dir"
        case .valueYear: return "year"
        case .helpRootAbstract: return "Build a static portal of government information disclosure annual reports (政府信息公开工作年度报告)."
        case .helpRootDiscussion:
            return
                "A portal is a content folder (portal.yml plus one Markdown file per report) and a theme folder. `portal-gen build` turns them into a static site that can be copied to any web server. User guide (Chinese): docs/用户手册.md."
        case .helpBuildAbstract: return "Build the site from the content folder into the output folder."
        case .helpBuildDiscussion:
            return
                "Reads portal.yml and every .md report under the content folder, checks them, renders every page with the theme and replaces the output folder only when everything succeeded: on any error the previous site is left exactly as it was. Problems are printed as path:line:column: error: message. Exit status is 0 on success and 1 on any error."
        case .helpClean: return "Ignore the previous build: parse every report and write every file again (after editing files in the output folder by hand)."
        case .helpAtomic:
            return
                "Replace the whole output folder in one rename on every build (unchanged files hard-linked), so a web server serving it never sees two builds mixed."
        case .helpFault: return "For tests only: fail or die at a point of writing the site (stage|commit:N:kill|enospc|eio)."
        case .helpTimings: return "Write where the build's time went, as JSON, to this file (for benchmarks)."
        case .helpOffice:
            return
                "Also write the supervision page (with rule codes) into this folder, for the supervising office only; it must be outside the output folder. With supervision: office in portal.yml this is how the page is made."
        case .helpToday: return "For tests only: decide which reports are due as on this day (YYYY-MM-DD) instead of today."
        case .helpCheckAbstract: return "Check the content and every statistics rule without writing anything."
        case .helpCheckDiscussion:
            return
                "Prints each finding as path:line:column: error|warning: [rule-id rule name] message, with the numbers involved, at the line of the offending row. Rules: T3-1 T3-2 T3-3 T3-4 T4-1 T2-1 X-1 (errors), X-2 N-1 BLANK (warnings); see docs/statistics.md. Exit status: 0 when there are no errors, 1 when there are, 2 for usage errors or unreadable input."
        case .helpFormat: return "Output format: text (one finding per line) or json (an array of findings)."
        case .helpImportAbstract:
            return "Turn reports as townships deliver them (.docx/.doc, WPS .wps, .rtf, .pdf, saved .html pages, copied .txt) into content files."
        case .helpImportDiscussion:
            return
                "Reads each file (or every .docx/.doc/.wps/.rtf/.pdf/.html/.htm/.txt/.md file in a folder; .doc, .wps and .rtf are converted to .docx by LibreOffice first), finds the township and year in the title and the 索引号, 发布日期 and 文号 in lines under it, reads the statistics tables by their row labels and writes <content>/reports/<year>/<slug>.md, then checks it with the same rules as `portal-gen check`. Numbers are never changed to make the arithmetic work. Anything the importer is unsure of is listed with its line, and nothing is written for that file unless --partial is given. With several files or a folder, the result of each file (imported, imported partially, not imported and why) and the totals end the output. Details the file does not state (township, year, 发布日期, 索引号) are asked for at once. Text files may be UTF-8, UTF-16 (with a byte-order mark) or GB18030/GBK."
        case .helpImportFiles: return "Report files or folders to import."
        case .helpImportTownship: return "The township (a name in portal.yml), instead of the one in the title."
        case .helpImportYear: return "The reporting year, instead of the one in the title."
        case .helpImportPublished: return "The publication date (发布日期) as YYYY-MM-DD, when the file does not state it."
        case .helpImportIndexNumber: return "The 索引号, when the file does not state it."
        case .helpForce: return "Replace a report that already exists in the content folder."
        case .helpDryRun: return "Print the content file instead of writing it."
        case .helpPartial: return "Write the file even when some cells cannot be read: they are left blank and listed."
        case .helpLegacy:
            return
                "Import as a pre-2019 report (format: legacy): no statistics tables are recognised, the tables go into the body as published; a report before 2019 without the official T3 is imported this way by itself."
        case .helpImportAttach:
            return "Copy the original (.pdf, .docx, .doc, .wps) beside the report file and list it under the report's attachments:, for download on the site."

        // MARK: - Preview (serve)
        case .previewAddress(let url): return "Preview at \(url) (press Ctrl-C to stop)"
        case .previewNetworkAddresses(let urls):
            return "Phones and computers on the same network can open: " + urls.joined(separator: "  ")
        case .previewNoNetworkAddress: return "This machine has no network address (not connected?): the preview opens on this machine only"
        case .previewWatching(let folders):
            return "Watching " + folders.joined(separator: ", ") + " for changes: saving a file rebuilds the site and reloads the browser"
        case .previewCannotWatch(let reason):
            return "Cannot watch the files for changes (\(reason)): the preview still works, but run portal-gen serve again after editing"
        case .previewBuilt(let reports, let pages, let written, let unchanged, let output, let seconds):
            return "Built \(reports) reports: \(pages) pages, \(written) files written (\(unchanged) unchanged) to \(output) in \(seconds.twoDecimals) s"
        case .previewUpToDate(let reports, let pages, let output, let seconds):
            return "Nothing changed since the last build: \(reports) reports, \(pages) pages in \(output) left as they were (\(seconds.twoDecimals) s)"
        case .previewRebuilt(let changed, let written, let seconds):
            return "Rebuilt after \(changed.isEmpty ? "a change" : changed.joined(separator: ", ")): \(written) files written in \(seconds.twoDecimals) s"
        case .previewBuildFailed(let errors):
            return
                "The build failed with \(errors) errors (see above; the browser shows them too): fix them and save to rebuild; until then the preview shows the last site that built"
        case .previewPortInUse(let host, let port):
            return "Port \(port) is in use by another program (\(host)): choose another, e.g. portal-gen serve --port \(port == 65535 ? 8001 : port + 1)"
        case .previewCannotListen(let host, let port, let reason): return "Cannot start the preview on \(host):\(port) (\(reason))"
        case .previewStopped: return "Preview stopped."
        case .previewOverlayTitle(let errors): return "The build failed: \(errors) errors"
        case .previewOverlayHint: return "Fix the problems listed above and save: this page reloads by itself. Below is the page of the last successful build."
        case .previewNoSiteTitle: return "The site has not been built yet"
        case .serveAbstract: return "Build the site and preview it on this machine, rebuilding and reloading the browser on every change."
        case .serveDiscussion:
            return """
                Builds the site into the output folder exactly as portal-gen build does (same options: what is \
                previewed is what is deployed), then serves it at http://127.0.0.1:8000/. Saving a file in the content \
                folder, portal.yml or the theme rebuilds what changed, and open pages reload (a stylesheet change swaps \
                the styles in place). Build errors are listed in the terminal and the browser with file, line and column, \
                and go away once fixed. --lan lets a phone on the same network look at it. Ctrl-C stops it.
                """
        case .helpTheme: return "A theme name under Themes/, or a theme folder. Default: the `theme` setting in portal.yml, else `default`."
        case .helpOutput: return "The folder the site is written to; only files that changed are replaced (serve previews this folder too)."
        case .helpStrict: return "Make arithmetic findings in the statistics tables errors (normally warnings)."
        case .serveHelpPort: return "The port to serve on; 0 picks a free one (the address printed shows it)."
        case .serveHelpLAN: return "Let phones and computers on the same network open the preview (listen on 0.0.0.0) and print their addresses."
        case .helpJobs: return "How many pages are rendered at once (default: the number of cores)."
        case .servePortOutOfRange(let port): return "--port must be between 0 and 65535, not \(port); e.g. --port 8000"
        case .serveJobsTooFew: return "--jobs must be at least 1"

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
        case .helpContent: return "The content folder (portal.yml and the reports)."
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
