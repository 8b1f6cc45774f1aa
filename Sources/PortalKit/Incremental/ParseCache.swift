import Foundation

/// The parsed form of every report file of the last successful build, kept in the output folder
/// (`.portal-gen-cache`) so that the next build parses only the files that changed.
///
/// An entry is reused only when the file's path, size, modification and change times and inode
/// are all the same (the test git's index uses), and only by the same portal-gen build for the
/// same content and display folders. It is read back as a `RecordFile` (checksummed, tied to the
/// portal-gen build): any doubt — a damaged or foreign cache — means parsing every file.
struct ParseCache: Sendable {
    static let fileName = ".portal-gen-cache"

    /// What identifies one version of a file without reading it.
    struct Stamp: Sendable, Hashable {
        var size: Int64
        var modified: Int64
        var changed: Int64
        var inode: UInt64
    }

    /// A class: entries move between arrays and dictionaries by the ten thousand, and a report's
    /// parsed form is some twenty strings and arrays that a struct copy would retain one by one.
    final class Entry: Sendable {
        let stamp: Stamp
        let source: ReportSource
        /// Warnings found while parsing it (a file with errors is never cached).
        let diagnostics: [Diagnostic]
        /// The file was modified so shortly before it was read that a later edit may have left its
        /// stamp as it was (file times advance in coarse steps): the entry is used only after the
        /// file's text is found to have the fingerprint it had when it was parsed.
        let racy: Bool
        /// The entry as the cache file held it (path, stamp, report, warnings), when it was read
        /// from one: written back as it is, since an unchanged entry encodes to the same bytes.
        let encoded: ArraySlice<UInt8>?

        convenience init(stamp: Stamp, source: ReportSource, diagnostics: [Diagnostic], racy: Bool = false) {
            self.init(stamp: stamp, source: source, diagnostics: diagnostics, racy: racy, encoded: nil)
        }

        init(stamp: Stamp, source: ReportSource, diagnostics: [Diagnostic], racy: Bool, encoded: ArraySlice<UInt8>?) {
            self.stamp = stamp
            self.source = source
            self.diagnostics = diagnostics
            self.racy = racy
            self.encoded = encoded
        }
    }

    /// What the cache is valid for: portal-gen's build, the content folder and the folder paths are shown relative to.
    let scope: String
    /// Absolute path → entry.
    var entries: [String: Entry]

    init(scope: String, entries: [String: Entry] = [:]) {
        self.scope = scope
        self.entries = entries
    }

    static func scope(content: URL, displayBase: URL) -> String {
        "\(PortalKit.buildIdentity)\n\(content.standardizedFileURL.path)\n\(displayBase.standardizedFileURL.path)"
    }

    /// The entry for a file when it is exactly the version that was parsed.
    func entry(for path: String, stamp: Stamp) -> Entry? {
        guard let entry = entries[path], entry.stamp == stamp else { return nil }
        return entry
    }

    /// Entries are written in blocks that are read on all cores.
    static let entriesPerBlock = 500

    /// The cache in `output`: nil when there is none or it was made for another scope, a rejection
    /// when it is damaged or foreign (then every file is parsed).
    /// A `memory` that decoded these very bytes already gives its cache instead of a new decode.
    static func load(from output: URL, scope: String, memory: BuildMemory? = nil) async -> Result<ParseCache, RecordFile.Rejection>? {
        guard let read = RecordFile.read(output.appendingPathComponent(fileName).path, as: .parseCache) else { return nil }
        let body: ArraySlice<UInt8>
        switch read {
        case .failure(let rejection): return .failure(rejection)
        case .success(let bytes): body = bytes
        }
        if let remembered = await memory?.cache(matching: body, scope: scope) { return .success(remembered) }
        return await decode(body, scope: scope)
    }

    /// Decodes a parse cache's body (nil when it was made for another scope).
    static func decode(_ body: ArraySlice<UInt8>, scope: String) async -> Result<ParseCache, RecordFile.Rejection>? {
        var reader = CacheReader(Array(body))
        var blocks: [CacheReader] = []
        do throws(CacheReader.Damaged) {
            guard try reader.string() == scope else { return nil }
            for _ in 0..<(try reader.count()) { blocks.append(try reader.block()) }
            guard reader.atEnd else { return .failure(.damaged) }
        } catch {
            return .failure(.damaged)
        }
        let specs = Dictionary(uniqueKeysWithValues: StatisticsLayout.all.map { ($0, StatisticsSchema.tables(for: $0)) })
        let decoded = await blocks.concurrentMap { block -> [(String, Entry)]? in
            // Cancelled when the build turns out to have nothing to do.
            guard !Task.isCancelled else { return nil }
            var reader = block
            var entries: [(String, Entry)] = []
            do throws(CacheReader.Damaged) {
                while !reader.atEnd {
                    let start = reader.offset
                    let path = try reader.string()
                    let stamp = Stamp(
                        size: try reader.int(), modified: try reader.int(), changed: try reader.int(), inode: UInt64(bitPattern: try reader.int()))
                    let racy = try reader.bool()
                    let source = try readSource(&reader, file: path, specs: specs)
                    let diagnostics = try readDiagnostics(&reader)
                    entries.append((path, Entry(stamp: stamp, source: source, diagnostics: diagnostics, racy: racy, encoded: reader.bytes(from: start))))
                }
                return entries
            } catch {
                return nil
            }
        }
        var cache = ParseCache(scope: scope)
        cache.entries.reserveCapacity(decoded.reduce(0) { $0 + ($1?.count ?? 0) })
        for block in decoded {
            guard let block else { return Task.isCancelled ? nil : .failure(.damaged) }
            for (path, entry) in block { cache.entries[path] = entry }
        }
        return .success(cache)
    }

    /// The cache as bytes, entries in path order so that equal caches are equal files, handed to
    /// `emit` in pieces (a header, then one piece per block of entries) so it is never held whole.
    func encode(emit: (_ piece: [UInt8]) -> Void) {
        var header = CacheWriter()
        header.string(scope)
        let sorted = entries.keys.sorted()
        let blocks = stride(from: 0, to: sorted.count, by: Self.entriesPerBlock).map { sorted[$0..<min($0 + Self.entriesPerBlock, sorted.count)] }
        header.int(blocks.count)
        emit(header.bytes)
        for block in blocks {
            var part = CacheWriter()
            for path in block {
                let entry = entries[path]!
                if let encoded = entry.encoded {
                    part.raw(encoded)
                    continue
                }
                part.string(path)
                part.int(entry.stamp.size)
                part.int(entry.stamp.modified)
                part.int(entry.stamp.changed)
                part.int(Int64(bitPattern: entry.stamp.inode))
                part.bool(entry.racy)
                Self.write(entry.source, into: &part)
                Self.write(entry.diagnostics, into: &part)
            }
            var length = CacheWriter()
            length.int(part.bytes.count)
            emit(length.bytes)
            emit(part.bytes)
        }
    }

    // MARK: - Reports

    private static func write(_ source: ReportSource, into writer: inout CacheWriter) {
        writer.string(source.path)
        writer.string(source.title)
        writer.string(source.township)
        writer.int(source.year)
        write(source.published, into: &writer)
        writer.bool(source.written != nil)
        if let written = source.written { write(written, into: &writer) }
        writer.string(source.indexNumber)
        writer.optionalString(source.issuer)
        writer.optionalString(source.documentNumber)
        writer.int(source.bodyFirstLine)
        writer.string(source.contentHash)
        writer.string(source.summaryHash)
        write(source.findings, into: &writer)
        writer.int(source.keyPositions.count)
        for position in source.keyPositions { write(position, into: &writer) }
        writer.int(source.attachments.count)
        for attachment in source.attachments {
            writer.string(attachment.path)
            writer.optionalString(attachment.title)
            writer.int(attachment.line)
            writer.int(attachment.column)
            writer.string(attachment.outputName)
        }
        // A legacy report: its format word and nothing more (it has no tables).
        guard let statistics = source.statistics else {
            writer.string(StatisticsParser.legacyFormat)
            return
        }
        writer.string(statistics.format.rawValue)
        writer.string(statistics.variant.rawValue)
        // Cells in layout order (the format and variant fix the layout): a blank cell is written as scale -1.
        for table in statistics.tables {
            for cell in 0..<table.spec.cellCount {
                if let amount = table[cell: cell] {
                    writer.int(Int(amount.scale))
                    writer.int(amount.mantissa)
                } else {
                    writer.int(-1)
                }
            }
        }
        let locations = statistics.locations
        for position in locations.tables { write(position, into: &writer) }
        for (rows, cells) in zip(locations.rows, locations.cells) {
            for position in rows { write(position, into: &writer) }
            for position in cells { write(position, into: &writer) }
        }
    }

    private static func write(_ position: TableLocations.Position, into writer: inout CacheWriter) {
        writer.int(Int(position.line))
        writer.int(Int(position.column))
    }

    private static func readPosition(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> TableLocations.Position {
        TableLocations.Position(line: Int32(try reader.small()), column: Int32(try reader.small()))
    }

    private static func readSource(_ reader: inout CacheReader, file: String, specs: [StatisticsLayout: [TableSpec]]) throws(CacheReader.Damaged)
        -> ReportSource
    {
        let path = try reader.string()
        let title = try reader.string()
        let township = try reader.string()
        let year = try reader.small()
        let published = try readDate(&reader)
        let written = try reader.bool() ? try readDate(&reader) : nil
        let indexNumber = try reader.string()
        let issuer = try reader.optionalString()
        let documentNumber = try reader.optionalString()
        let bodyFirstLine = try reader.small()
        let contentHash = try reader.string()
        let summaryHash = try reader.string()
        let findings = try readDiagnostics(&reader)
        var keyPositions: [TableLocations.Position] = []
        for _ in 0..<(try reader.count()) { keyPositions.append(try readPosition(&reader)) }
        guard keyPositions.count == ReportSource.keys.count else { throw CacheReader.Damaged() }
        var attachments: [AttachmentEntry] = []
        for _ in 0..<(try reader.count()) {
            attachments.append(
                AttachmentEntry(
                    path: try reader.string(), title: try reader.optionalString(), line: try reader.small(), column: try reader.small(),
                    outputName: try reader.string()))
        }
        let formatText = try reader.string()
        func source(_ statistics: Statistics?) -> ReportSource {
            ReportSource(
                path: path, title: title, township: township, year: year, published: published, written: written,
                indexNumber: indexNumber, issuer: issuer, documentNumber: documentNumber, attachments: attachments, statistics: statistics,
                bodyFirstLine: bodyFirstLine, file: file, findings: findings, contentHash: contentHash, summaryHash: summaryHash,
                keyPositions: keyPositions)
        }
        if formatText == StatisticsParser.legacyFormat { return source(nil) }
        guard let format = ReportFormat(rawValue: formatText), let variant = T3Variant(rawValue: try reader.string()),
            StatisticsLayout(format, variant).variant == variant, let tableSpecs = specs[StatisticsLayout(format, variant)], tableSpecs.count == 3
        else {
            throw CacheReader.Damaged()
        }
        var tables: [StatTable] = []
        for spec in tableSpecs {
            var mantissas = [Int64](repeating: 0, count: spec.cellCount)
            var scales = [Int8](repeating: -1, count: spec.cellCount)
            for cell in 0..<spec.cellCount {
                let scale = try reader.small()
                guard scale != -1 else { continue }
                guard (0...Amount.maximumScale).contains(scale) else { throw CacheReader.Damaged() }
                scales[cell] = Int8(scale)
                mantissas[cell] = try reader.int()
            }
            guard let table = StatTable(spec: spec, mantissas: mantissas, scales: scales) else { throw CacheReader.Damaged() }
            tables.append(table)
        }
        var locations = TableLocations(file: path, specs: tableSpecs)
        for index in tableSpecs.indices { locations.tables[index] = try readPosition(&reader) }
        for (index, spec) in tableSpecs.enumerated() {
            for row in spec.rows.indices { locations.rows[index][row] = try readPosition(&reader) }
            for cell in 0..<spec.cellCount { locations.cells[index][cell] = try readPosition(&reader) }
        }
        return source(Statistics(format: format, variant: variant, t2: tables[0], t3: tables[1], t4: tables[2], locations: locations))
    }

    private static func write(_ date: CalendarDate, into writer: inout CacheWriter) {
        writer.int(date.year)
        writer.int(date.month)
        writer.int(date.day)
    }

    private static func readDate(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> CalendarDate {
        guard let date = CalendarDate(year: try reader.small(), month: try reader.small(), day: try reader.small()) else { throw CacheReader.Damaged() }
        return date
    }

    // MARK: - Diagnostics

    /// Sorted keys: the same messages always give the same bytes.
    private static let messageEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private static func write(_ diagnostics: [Diagnostic], into writer: inout CacheWriter) {
        writer.int(diagnostics.count)
        for diagnostic in diagnostics {
            writer.bool(diagnostic.severity == .error)
            writer.bool(diagnostic.location != nil)
            if let location = diagnostic.location {
                writer.string(location.file)
                writer.int(location.line)
                writer.int(location.column)
            }
            writer.optionalString(diagnostic.rule?.rawValue)
            // A message is stored by its identity and values, so a cached report's messages are
            // shown in the language of the build that reads them.
            writer.string(String(decoding: (try? messageEncoder.encode(diagnostic.message)) ?? Data(), as: UTF8.self))
        }
    }

    private static func readDiagnostics(_ reader: inout CacheReader) throws(CacheReader.Damaged) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count()) {
            let severity: Diagnostic.Severity = try reader.bool() ? .error : .warning
            let location = try reader.bool() ? SourceLocation(file: try reader.string(), line: try reader.small(), column: try reader.small()) : nil
            let rule = try reader.optionalString().map(RuleID.init(rawValue:))
            guard let message = try? JSONDecoder().decode(Message.self, from: Data(try reader.string().utf8)) else { throw CacheReader.Damaged() }
            diagnostics.append(Diagnostic(severity, message, at: location, rule: rule))
        }
        return diagnostics
    }
}
