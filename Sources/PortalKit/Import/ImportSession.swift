import Foundation

/// Imports delivered report files into a portal's content folder, one file at a time, and checks
/// each new report with the same rules as `portal-gen check`.
public struct ImportSession: Sendable {
    public struct Options: Sendable {
        public var overrides: ReportImporter.Overrides
        /// Replace a content file that already exists.
        public var force: Bool
        /// Print the content file instead of writing it.
        public var dryRun: Bool
        /// Write the file even when some cells could not be read (they are left blank and listed).
        public var partial: Bool

        /// Keep the original (a PDF or Word/WPS file) beside the report as its attachment (`--attach`).
        public var attach: Bool

        public init(
            overrides: ReportImporter.Overrides = .init(), force: Bool = false, dryRun: Bool = false, partial: Bool = false, attach: Bool = false
        ) {
            self.overrides = overrides
            self.force = force
            self.dryRun = dryRun
            self.partial = partial
            self.attach = attach
        }
    }

    public struct Outcome: Sendable {
        public enum Status: Sendable, Equatable {
            case written(String)
            case printed
            case failed
        }

        public var file: String
        public var township: String?
        public var year: Int?
        public var status: Status
        /// The content file's text (for --dry-run and for tests).
        public var text: String?
        /// Problems and findings, in the `path:line:column: severity: message` form.
        public var diagnostics: [Diagnostic]
        /// Where the report belongs in the content folder (written there, or would be with --dry-run).
        public var target: String?
        /// Cells left blank (`~`) because they could not be read for certain (each listed in
        /// `diagnostics` with its line); not cells the report itself left blank. Nonzero only when
        /// the file was written (or shown) with --partial.
        public var blankCells: Int = 0
        /// Where the original was kept as the report's attachment (`--attach`), as shown.
        public var attachment: String?
    }

    /// The kinds `import` reads (a folder argument imports every file of these kinds).
    public static let supportedExtensions: Set<String> = ["docx", "doc", "wps", "rtf", "pdf", "html", "htm", "txt", "md"]

    public let content: URL
    public let config: PortalConfig
    public let options: Options
    public let displayPath: @Sendable (URL) -> String

    public init(content: URL, config: PortalConfig, options: Options, displayPath: @escaping @Sendable (URL) -> String) {
        self.content = content
        self.config = config
        self.options = options
        self.displayPath = displayPath
    }

    /// The files to import: each argument, or every supported file in a folder argument.
    public static func expand(_ inputs: [URL]) -> (files: [URL], missing: [URL]) {
        var files: [URL] = []
        var missing: [URL] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory) else {
                missing.append(input)
                continue
            }
            if isDirectory.boolValue {
                files += Theme.files(under: input).filter { supportedExtensions.contains($0.pathExtension.lowercased()) }
            } else {
                files.append(input)
            }
        }
        return (files, missing)
    }

    /// The first symbolic link on the way from the content folder to `target` (itself included),
    /// if any: writing through it could put the file outside the content folder.
    func linkOnTheWay(to target: URL) -> URL? {
        let root = content.standardizedFileURL.path
        let path = target.standardizedFileURL.path
        guard path.hasPrefix(root + "/") else { return target }
        var current = URL(fileURLWithPath: root)
        for component in path.dropFirst(root.count + 1).split(separator: "/") {
            current.appendPathComponent(String(component))
            var info = stat()
            guard lstat(current.path, &info) == 0 else { return nil }
            if info.st_mode & S_IFMT == S_IFLNK { return current }
        }
        return nil
    }

    /// Where a report belongs in the content folder.
    func destination(township: Township, year: Int) -> URL {
        content.appendingPathComponent("reports/\(year)/\(township.slug).md")
    }

    public func run(_ file: URL) async -> Outcome {
        let shown = displayPath(file)
        let result: ReportImporter.Result
        do {
            result = try ReportImporter(config: config, overrides: options.overrides).importFile(file, displayPath: shown)
        } catch {
            return Outcome(file: shown, status: .failed, diagnostics: error.diagnostics)
        }
        var outcome = Outcome(file: shown, township: result.township.name, year: result.year, status: .failed, text: result.text, diagnostics: [])
        let issues = result.issues.map { issue in
            Diagnostic(
                options.partial ? .warning : .error,
                options.partial
                    ? (issue.written || issue.cells > 0 ? .importLeftBlank(issue: issue.message, cells: issue.cells) : .importNotWritten(issue: issue.message))
                    : issue.message,
                at: SourceLocation(file: shown + (issue.position.label.map { " (\($0))" } ?? ""), line: issue.position.line, column: issue.position.column))
        }
        outcome.diagnostics += issues
        if !issues.isEmpty && !options.partial {
            outcome.diagnostics.append(
                .error(.importNothingWritten, at: nil))
            return outcome
        }

        // The generated file must read back as a valid report; its findings are printed.
        var parseDiagnostics: [Diagnostic] = []
        let target = destination(township: result.township, year: result.year)
        let targetShown = displayPath(target)
        outcome.target = targetShown
        let blankCells = result.issues.reduce(0) { $0 + $1.cells }
        var text = result.text
        var original: (source: URL, target: URL)?
        if options.attach {
            switch OriginalAttachment.plan(file, beside: target) {
            case .kept(let path, let target, let title):
                text = ContentFileWriter.addingAttachment(to: text, file: path, title: title)
                original = (file, target)
            case .refused(let warning):
                outcome.diagnostics.append(.warning(warning, at: nil))
            }
        }
        outcome.text = text
        guard let source = ReportSource.parse(SourceText(path: targetShown, text: text), diagnostics: &parseDiagnostics) else {
            outcome.diagnostics += parseDiagnostics
            return outcome
        }
        if options.dryRun {
            outcome.status = .printed
            outcome.blankCells = blankCells
            let (portal, problems) = Validator.validate(config: config, sources: [source])
            outcome.diagnostics += problems + (portal.reports.first?.findings ?? [])
            return outcome
        }
        if let link = linkOnTheWay(to: target) {
            outcome.diagnostics.append(.error(.importThroughLink(path: displayPath(link)), at: nil))
            return outcome
        }
        if FileManager.default.fileExists(atPath: target.path), !options.force {
            outcome.diagnostics.append(
                .error(.importTargetExists(path: targetShown), at: nil))
            return outcome
        }
        if let original {
            if let link = linkOnTheWay(to: original.target) {
                outcome.diagnostics.append(.error(.importThroughLink(path: displayPath(link)), at: nil))
                return outcome
            }
            if !options.force, FileManager.default.fileExists(atPath: original.target.path),
                !FileManager.default.contentsEqual(atPath: original.source.path, andPath: original.target.path)
            {
                outcome.diagnostics.append(.error(.importAttachmentExists(path: displayPath(original.target)), at: nil))
                return outcome
            }
        }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            // The original first: the report that lists it is never there without it.
            if let original {
                try OriginalAttachment.copy(original.source, to: original.target)
                outcome.attachment = displayPath(original.target)
            }
            try Data(text.utf8).write(to: target, options: .atomic)
        } catch {
            outcome.diagnostics.append(
                .error(.importUnwritable(path: targetShown, reason: (error as? SystemError)?.reason ?? error.localizedDescription), at: nil))
            return outcome
        }
        outcome.status = .written(targetShown)
        outcome.blankCells = blankCells
        let read = await PortalReader(content: content, displayBase: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).read()
        outcome.diagnostics += (read.diagnostics + read.findings).filter { $0.location?.file == targetShown || $0.message.text(.chinese).contains(targetShown) }
        return outcome
    }
}
