/// Everything portal-gen says to the people who run it, each message once, by its identity.
///
/// A message is a case with the values it shows; its words live in the catalog
/// (`Message+Chinese.swift`, `Message+English.swift`), written once per language. Code and tests
/// speak of a message by its case, never by its wording; tools see its `id`.
public enum Message: Sendable, Hashable, Codable {

    // MARK: - Reading the content folder

    case contentFolderMissing(folder: String)
    case settingsMissing(file: String)
    case nameNotUTF8
    case folderUnreadable(reason: String)
    case symbolicLinkSkipped
    case fileTooLarge(megabytes: Int, limit: Int)
    case fileChangedWhileRead
    case fileChangedAfterParse
    case fileUnreadable(reason: String)
    case fileHasNUL(offset: Int?, looksLikeUTF16: Bool)
    case fileBadUTF16
    case fileNotUTF8(offset: Int)

    // MARK: - Front matter and YAML

    case frontMatterAbsent(fileIsEmpty: Bool)
    case frontMatterUnclosed
    case yamlTooLarge(part: YAMLPart, limit: Int)
    case yamlAlias(part: YAMLPart, sign: String)
    case yamlTooDeep(part: YAMLPart, limit: Int)
    case yamlEmpty(part: YAMLPart)
    case yamlNotMapping(part: YAMLPart)
    case yamlFullWidth(character: String, name: String, replacement: String, example: String)
    case yamlTabIndent
    case yamlEmptyItem
    case yamlColonInValue(key: String, value: String)
    case yamlNoSpaceAfterColon(key: String, value: String)
    case yamlUnclosedQuote(quote: String)
    case yamlUnclosedBracket(open: String, close: String)
    case yamlSyntax(problem: String)
    case yamlDuplicateKey(keys: [String])
    case keyNotText(part: YAMLPart)
    case unknownKey(key: String, part: YAMLPart, suggestion: String?, known: [String])
    case keyMissing(key: String, label: String)
    case keyEmpty(key: String, label: String)
    case valueNotText(key: String, label: String)
    case hiddenCharacter(key: String, label: String, position: Int, code: String, isDirectionControl: Bool)
    case notWholeNumber(key: String, label: String, text: String)
    case fullWidthDigits(key: String, label: String, text: String, ascii: String)
    case numberOutOfRange(key: String, label: String, value: Int, lowest: Int, highest: Int)
    case notTrueOrFalse(key: String, label: String)
    case dateWithTime(key: String, label: String, text: String, date: String)
    case dateWrongForm(key: String, label: String, text: String, date: String)
    case dateNotReal(key: String, label: String, text: String)
    case notAGroup(key: String, label: String)
    case notAList(key: String, label: String)
    case listItemNotAGroup(key: String, label: String)

    // MARK: - Settings (portal.yml)

    case basePathInvalid
    case siteURLInvalid
    case policeLinkInvalid
    /// A link of the identity footer (`badge_link`, `county_portal.url`) that is not a web address.
    case identityLinkInvalid(key: String, label: String)
    /// `identity.badge` is not a plain relative path inside the content folder.
    case badgePathInvalid(path: String)
    /// `identity.badge` names no file of the content folder.
    case badgeFileMissing(path: String, folder: String)
    /// `identity.badge` is not a PNG, JPEG or GIF image whose size can be read.
    case badgeImageUnreadable(path: String)
    case deadlineInvalid(text: String)
    case townshipsEmpty
    case creditCodeInvalid(code: String)
    case slugInvalid(slug: String, reserved: [String])
    case slugUnderivable(name: String)
    case townshipListedTwice(name: String, firstLine: Int)
    case slugShared(name: String, other: String, otherLine: Int, slug: String)
    case unsafeHTMLEnabled
    // Township lifecycle and the supervision setting (see `TownshipLifecycle`).
    case supervisionInvalid(text: String)
    case abolishedBeforeEstablished(name: String, established: Int, abolished: Int)
    case mergedIntoWithoutAbolished(name: String)
    case mergedIntoUnknown(name: String, target: String, suggestion: String?)
    case mergedIntoItself(name: String)
    case mergedIntoGone(name: String, target: String, year: Int)
    case formerNameUntilOutside(name: String, former: String, until: Int, first: Int?, last: Int?)
    case formerNameTaken(former: String, other: String, otherLine: Int)
    case formerNameUntilRepeated(former: String, other: String, until: Int)
    case reportOutsideExistence(township: String, year: Int, established: Int?, abolished: Int?)
    case reportFormerNameOutOfTime(written: String, year: Int, until: Int, present: String)
    case officeFolderInsideOutput(office: String, output: String)
    case officeFolderUnwritable(office: String, reason: String)
    case officeNotRequested
    case officeIgnored

    // MARK: - Statistics tables in the front matter

    case formatInvalid(text: String)
    case formatConflict(declared: String, evidence: String, shown: String)
    case formatUnknown(evidence: [String])
    /// `format: legacy` with a table key in the front matter.
    case legacyHasTables(table: String, caption: String)
    /// `format: legacy` for a year whose reports follow the official format (2019 on): a warning.
    case legacyInOfficialYear(year: Int)
    /// T3 has `F` (（六）其他处理 as one row) and some of `F1`–`F3`.
    case otherRowsMixed(row: String, rows: [String], splitRows: [String])
    case rowUnknown(row: String, table: String, format: String, otherFormat: String?, suggestion: String?, rows: [String])
    case rowMissing(table: String, row: String, label: String, example: String)
    case rowNotBracketed(table: String, row: String, label: String, count: Int, columns: [String], example: String)
    case rowFullWidthBrackets(table: String, row: String, label: String, example: String)
    case rowWrongCount(table: String, row: String, label: String, found: Int, count: Int, columns: [String])
    case cellNotScalar(table: String, row: String, label: String, column: Int, columnLabel: String)
    case cellNotNumber(table: String, row: String, label: String, column: Int, columnLabel: String, text: String)
    case cellFullWidthDigits(table: String, row: String, label: String, column: Int, columnLabel: String, text: String, ascii: String)

    // MARK: - Statistics rules (findings)

    case blankCells(table: String, count: Int, rows: [String], firstRow: String, firstColumn: String)
    case figureWrongKind(table: String, row: String, column: String, value: String, kind: FigureKind)
    case figuresTooLarge(table: String, row: String, column: String)
    case t3BalanceBroken(column: String, received: String, carried: String, left: String, total: String, carriedOn: String, right: String)
    case t3ResultsBroken(column: String, total: String, terms: [Term], sum: String)
    case t3ApplicantsBroken(row: String, total: String, terms: [Term], sum: String)
    case t4ResultsBroken(group: String?, row: String, total: String, terms: [Term], sum: String)
    case carriedOverBroken(column: String, value: String, year: Int, previousYear: Int, previousFile: String, previousValue: String)
    case documentsInForceBroken(row: String, value: String, previousYear: Int, previousValue: String, issued: String, repealed: String, expected: String)
    case narrativeDisagrees(quote: String, row: String, total: String)
    case compilationTooLarge(year: Int, table: String, row: String, column: String, files: [String])

    // MARK: - Reports against the settings and each other

    case townshipUnknown(name: String, suggestion: String?, names: [String])
    case reportDuplicated(township: String, year: Int, other: String)
    case indexNumberDuplicated(number: String, other: String)
    case yearNotEnded(year: Int, currentYear: Int)
    case publishedInFuture(date: String)
    case publishedTooEarly(date: String, year: Int)
    case writtenAfterPublished(written: String, published: String)

    // MARK: - Attachments (`attachments:` in a report's front matter)

    case attachmentItemInvalid
    case attachmentPathRefused(path: String, problem: AttachmentPathProblem)
    case attachmentTypeUnsupported(path: String, extension: String, allowed: [String])
    case attachmentListedTwice(path: String, firstLine: Int)
    /// `missing` is the part of the path (from the report's folder) that is not there.
    case attachmentMissing(path: String, missing: String, isFolder: Bool)
    case attachmentThroughLink(path: String, link: String)
    case attachmentNotAFile(path: String)
    case attachmentTooLarge(path: String, megabytes: Int, limit: Int)
    case attachmentEmpty(path: String)
    /// The file's first bytes are not those of its format; `found` names what they are, when known.
    case attachmentContentMismatch(path: String, format: String, found: String?)
    case attachmentUnreadable(path: String, reason: String)
    case attachmentChangedWhileCopied(path: String)

    // MARK: - Links and Markdown

    case placeholderLeft
    case linkBackslash(url: String)
    case linkWithoutScheme(url: String, suggestion: String)
    case linkSchemeRefused(url: String, scheme: String)
    case linkEncodedHiding(url: String, decoded: String)
    case linkBroken(url: String, target: String)
    case themeLinkBroken(template: String, url: String, page: String, target: String)

    // MARK: - Themes

    case templateUnreadable(problem: String)
    case themeNoTemplatesFolder
    case themeTemplateMissing(name: String)
    case themeNotFound(name: String, tried: [String])
    case themeFileUnreadable(reason: String)

    // MARK: - Writing the output

    case outputRefusedFolder(folder: String)
    case outputWouldReplace(output: String, folder: String)
    case outputInsideSources(output: String, folder: String)
    case outputIsFile(output: String)
    case outputNotOurs(output: String)
    case outputParentUnusable(folder: String, reason: String)
    case outputLocked(output: String)
    case lockUncreatable(output: String, reason: String)
    case recoveryFailed(output: String, reason: String)
    case stagingUncreatable(output: String, reason: String)
    case outputFileUnwritable(path: String, reason: String)
    case sitePathInvalid(path: String)
    case commitFailed(output: String, reason: String)
    case recordIgnored(record: BuildRecord, path: String, problem: RecordProblem)

    // MARK: - Import

    case importTooLarge(megabytes: Int, limit: Int)
    case importKindUnsupported(kind: String)
    case importDetailsMissing(details: [ImportDetail], command: String)
    case importTownshipNotListed(name: String, closest: [String])
    case importNoTownships
    case importTableMissing(table: String)
    case importFormatsDiffer(t2: String, t3: String)
    case importT3RowMissing(row: String)
    case importT3RunTogether(row: String, digits: String, readings: [String])
    case importT2RowMissing(row: String)
    case importT2RunTogether(row: String, digits: String, count: Int)
    case importT4RunTogether(digits: String, splits: Int)
    case importT4WrongCount(found: Int)
    case importT4Scattered(figures: [String])
    case importRowWrongCount(table: String, row: String, expected: Int, found: Int, cells: [String])
    case importCellNotFigure(table: String, row: String, text: String)
    /// With --partial: what could not be read, and how many cells it left blank (`~`).
    indirect case importNotWritten(issue: Message)
    indirect case importLeftBlank(issue: Message, cells: Int)
    case importNothingWritten
    case importThroughLink(path: String)
    case importTargetExists(path: String)
    case importUnwritable(path: String, reason: String)
    /// `--attach` with a file that is not a PDF or Word/WPS document (a warning: imported without it).
    case importAttachKindUnsupported(kind: String)
    /// `--attach`: a different file is already where the original would be copied.
    case importAttachmentExists(path: String)
    /// `--attach`: the original is larger than an attachment may be (a warning: imported without it).
    case importAttachmentTooLarge(megabytes: Int, limit: Int)
    case htmlUnreadable
    case htmlEncodingMismatch(declared: String?, actual: String)
    case docxNotOpenable
    case docxNoBody
    case docxTooLarge(limit: Int)
    case docxUnreadable(reason: String)
    case docxDamaged(reason: String)
    case textUndecodable(utf8Offset: Int, gbOffset: Int)
    /// A `.doc`, `.wps` or `.rtf` file, and LibreOffice (which converts it) is not installed.
    case wordConverterMissing(kind: String)
    /// LibreOffice ran longer than the time limit and was stopped.
    case wordConversionTimedOut(kind: String, seconds: Int)
    /// LibreOffice gave no `.docx`.
    case wordConversionFailed(kind: String, failure: ConversionFailure)

    // MARK: - Import: PDF and laid-out text

    case importCellInYuan(table: String, row: String, text: String, column: String)
    case importLayoutRowUnplaced(figures: String)
    case importLayoutReadingOrder(lines: Int)
    case importLayoutRowDoesNotAddUp(figures: String)
    case importLayoutRowTwice(row: String, otherLine: Int)
    case importLayoutColumnsUnknown
    case importLayoutFigureUnplaced(text: String)
    case importPDFNoText
    case importTextEmpty
    case importPDFNoCharacterMap(share: Int)
    case importPDFToolMissing
    case importPDFToolFailed(reason: String)
    case importPDFTimedOut(seconds: Int)

    // MARK: - Command line

    case buildFailed(errors: Int)
    case buildUnchanged(reports: Int, pages: Int, output: String, seconds: String)
    case buildDone(reports: Int, pages: Int, written: Int, unchanged: Int, output: String, seconds: String)
    case progress(step: ProgressStep, done: Int, total: Int)
    case checkSummary(reports: Int, errors: Int, warnings: Int)
    case importNeedsSettings(file: String)
    case inputMissing(path: String)
    case importWrote(path: String)
    /// `--attach`: the original was copied beside the report and listed in its `attachments:`.
    case importAttached(path: String)
    /// A PDF or Word file was imported without `--attach`: how to keep the original too.
    case importAttachHint
    case importWroteWithErrors(path: String, errors: Int)
    case importNoInputs
    /// The summary of several files, one line each: imported exactly, with its content file.
    case importSummaryImported(file: String, path: String)
    /// Imported, but the check found errors in the written file.
    case importSummaryImportedWithErrors(file: String, path: String, errors: Int)
    /// Imported with --partial, `cells` cells left blank (listed above).
    case importSummaryPartial(file: String, path: String, cells: Int)
    /// --dry-run: shown, not written (`cells` would be left blank).
    case importSummaryPrinted(file: String, path: String?, cells: Int)
    /// Not imported, with the first reason (and its line in a text file or page).
    indirect case importSummaryRefused(file: String, line: Int?, reason: Message)
    /// The summary's last line.
    case importSummaryTotal(files: Int, imported: Int, partial: Int, cells: Int, refused: Int, withErrors: Int, dryRun: Bool)
    case jobsTooFew
    case faultInvalid
    case optionDateInvalid(option: String, text: String, suggestion: String?)
    case optionYearInvalid
    case languageInvalid(text: String)
    case commandUnknown(given: String, suggestion: String?, commands: [String])

    // MARK: - Command-line help

    case valueCount
    case valueDate
    case valueFile
    case valueFolder
    case valueIndexNumber
    case valueName
    case valueOrgan
    case valuePort
    case valueText
    case valueTheme
    case valueYear
    case helpRootAbstract
    case helpRootDiscussion
    case helpBuildAbstract
    case helpBuildDiscussion
    case helpClean
    case helpAtomic
    case helpFault
    case helpTimings
    case helpOffice
    case helpToday
    case helpCheckAbstract
    case helpCheckDiscussion
    case helpFormat
    case helpImportAbstract
    case helpImportDiscussion
    case helpImportFiles
    case helpImportTownship
    case helpImportYear
    case helpImportPublished
    case helpImportIndexNumber
    case helpForce
    case helpDryRun
    case helpPartial
    case helpLegacy
    case helpImportAttach

    // MARK: - Preview (serve)
    /// The address to open the preview at, once the server listens.
    case previewAddress(url: String)
    /// With `--lan`: the addresses a phone or another computer on the office network can open.
    case previewNetworkAddresses(urls: [String])
    /// With `--lan` when the machine has no network address other than loopback.
    case previewNoNetworkAddress
    /// What the preview watches for changes.
    case previewWatching(folders: [String])
    /// Watching is impossible (inotify refused): the preview still serves, rebuilding never.
    case previewCannotWatch(reason: String)
    /// The summary of the first build, or of a long rebuild.
    case previewBuilt(reports: Int, pages: Int, written: Int, unchanged: Int, output: String, seconds: Double)
    /// The first build found nothing to do: the output folder is exactly what the content makes.
    case previewUpToDate(reports: Int, pages: Int, output: String, seconds: Double)
    /// One line after a quick rebuild: what changed, what was written.
    case previewRebuilt(changed: [String], written: Int, seconds: Double)
    /// The build failed; its diagnostics were printed above and are shown in the browser.
    case previewBuildFailed(errors: Int)
    /// The port asked for is taken by another program.
    case previewPortInUse(host: String, port: Int)
    /// The server could not listen for another reason.
    case previewCannotListen(host: String, port: Int, reason: String)
    /// Printed on Ctrl-C, once the server has stopped.
    case previewStopped
    /// The heading of the error overlay in the browser.
    case previewOverlayTitle(errors: Int)
    /// Below the overlay's list: how it goes away.
    case previewOverlayHint
    /// The title of the page shown when no build has succeeded yet.
    case previewNoSiteTitle
    /// `serve --help`: what the command does.
    case serveAbstract
    /// `serve --help`: the longer explanation.
    case serveDiscussion
    /// `serve --help`: the options.
    case helpTheme
    case helpOutput
    case helpStrict
    case serveHelpPort
    case serveHelpLAN
    case helpJobs
    /// `--lang` was given a language portal-gen does not speak.
    /// `--port` out of range.
    case servePortOutOfRange(port: Int)
    /// `--jobs` below one.
    case serveJobsTooFew

    // MARK: - Scaffold (init, new)

    /// `--help` of `init`: what the command does.
    case helpInitAbstract
    case helpInitDiscussion
    case helpInitFolder
    case helpCounty
    case helpHostOrgan
    case helpSiteName
    case helpContact
    case helpInitTownship
    case helpLanguage
    /// `--help` of `new`: what the command does.
    case helpNewAbstract
    case helpNewDiscussion
    case helpNewTownship
    case helpYear
    case helpContent
    /// `--lang` names no language portal-gen speaks.
    /// `init` without a terminal to ask on, and options missing: every one, with an example command.
    case initMissingOptions([ScaffoldOption])
    /// `init` into a folder that already has a portal (its `portal.yml`).
    case initPortalExists(settings: String)
    /// The values given cannot make a valid portal.yml (the problems are listed above).
    case initInvalidValues
    /// End of input (Ctrl-D) while questions were asked.
    case initCancelled
    /// A file or folder of the new portal could not be written.
    case scaffoldWriteFailed(path: String, reason: String)
    /// The new portal is ready: where, what it holds and what to do next.
    case initDone(folder: String, siteName: String, townships: Int, firstTownship: String, year: Int, keptTheme: Bool)
    /// The first line of the questions asked on a terminal.
    case askIntro
    case askCounty
    case askHostOrgan(county: String)
    case askContact
    case askSiteName(suggested: String)
    case askTownshipsIntro
    case askTownship(number: Int)
    /// A required answer was left empty.
    case askRequired
    /// The empty line came before any township.
    case askTownshipRequired
    case askTownshipRepeated(String)
    /// `new` without `--township` or `--year`.
    case newMissingOptions([ScaffoldOption], example: String)
    case newInvalidYear(String)
    /// A report covers a whole calendar year that has ended.
    case newYearNotEnded(year: Int, current: Int)
    /// `new` found no portal.yml in the content folder.
    case newNoSettings(settings: String)
    /// portal.yml has errors (listed above); `new` needs it to be right.
    case newSettingsInvalid(settings: String)
    case newUnknownTownship(String, closest: [String])
    /// `new` never overwrites a report.
    case newReportExists(path: String)
    /// The skeleton was written: where, and what to do next.
    case newWritten(path: String, check: String)
    /// A key is written but its value is still empty (as `new` leaves `published` and `index_number`).
    case valueToFill(key: String, label: String)
}

extension Message {
    /// The stable identity of the message (its case name, e.g. `unknownKey`), for tools and JSON.
    public var id: String {
        if let label = Mirror(reflecting: self).children.first?.label { return label }
        return String(describing: self)
    }

    /// The message in words, in the given language.
    public func text(_ language: Language) -> String {
        switch language {
        case .chinese: chinese
        case .english: english
        }
    }
}

extension Double {
    /// Seconds as messages show them, with two decimals (`0.09`), the same in every language.
    var twoDecimals: String {
        let hundredths = Int((self * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
