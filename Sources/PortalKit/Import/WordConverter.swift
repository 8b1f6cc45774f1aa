import Foundation

/// Converts Word 97–2003 (`.doc`), WPS (`.wps`) and RTF files to `.docx` with LibreOffice, run as
/// its own process (`soffice --headless --convert-to docx`), so that `DocxReader` reads them.
///
/// Each conversion has a private temporary folder, removed afterwards: the file is copied in under
/// a fixed name (a file name is never an argument LibreOffice could take for an option, and no lock
/// file is left beside the original), LibreOffice gets a profile of its own there
/// (`-env:UserInstallation`), so parallel imports, a LibreOffice the user has open and runs as root
/// do not meet, and it is stopped after `timeLimit`.
enum WordConverter {
    /// The kinds converted, by file extension.
    static let kinds: Set<String> = ["doc", "wps", "rtf"]

    /// How long one conversion may take. A report converts in a few seconds (LibreOffice's start
    /// with a new profile included); this leaves room for slow shared machines and large files.
    static let timeLimit: Duration = .seconds(120)

    /// LibreOffice's program, looked up on `PATH` (on macOS also in /Applications).
    static func program() -> String? {
        for name in ["soffice", "libreoffice"] where ExternalTool.locate(name) != nil { return name }
        #if os(macOS)
            let app = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
            if ExternalTool.locate(app) != nil { return app }
        #endif
        return nil
    }

    /// Converts `url` (of `kind`) and gives `read` the `.docx`; every message names `displayPath`.
    static func withDocx<T>(
        of url: URL, kind: String, displayPath: String, program: String? = program(), timeLimit: Duration = timeLimit,
        _ read: (URL) throws(DiagnosticsError) -> T
    ) throws(DiagnosticsError) -> T {
        let location = SourceLocation(file: displayPath, line: 1)
        guard let program else { throw DiagnosticsError([.error(.wordConverterMissing(kind: kind), at: location)]) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-gen-convert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("report.\(kind)")
        let output = folder.appendingPathComponent("docx")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
            try FileManager.default.copyItem(at: url, to: source)
        } catch {
            throw DiagnosticsError([.error(.wordConversionFailed(kind: kind, failure: .preparation(error.localizedDescription)), at: location)])
        }
        var tool = ExternalTool(name: program)
        tool.timeout = timeLimit
        tool.outputLimit = 1024 * 1024
        let printed: (output: Data, errors: Data)
        do {
            printed = try tool.runCapturing(
                [
                    "-env:UserInstallation=" + folder.appendingPathComponent("profile").absoluteString,
                    "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                    "--convert-to", "docx", "--outdir", output.path, source.path,
                ],
                in: folder, environment: ["HOME": folder.path])
        } catch {
            let message: Message
            switch error {
            case .notInstalled: message = .wordConverterMissing(kind: kind)
            case .timedOut(let seconds): message = .wordConversionTimedOut(kind: kind, seconds: seconds)
            case .outputTooLarge(let megabytes): message = .wordConversionFailed(kind: kind, failure: .tooMuchOutput(megabytes: megabytes))
            case .failed(let status, let detail):
                message = .wordConversionFailed(kind: kind, failure: Self.said(detail).map { .said($0, status: Int(status)) } ?? .status(Int(status)))
            }
            throw DiagnosticsError([.error(message, at: location)])
        }
        // LibreOffice ends with status 0 even when it could not load the file: only the file it
        // wrote says it converted.
        let docx = output.appendingPathComponent("report.docx")
        guard FileManager.default.fileExists(atPath: docx.path) else {
            throw DiagnosticsError([
                .error(
                    .wordConversionFailed(
                        kind: kind, failure: .noOutput(said: Self.said(String(decoding: printed.errors + printed.output.prefix(400), as: UTF8.self)))),
                    at: location)
            ])
        }
        return try read(docx)
    }

    /// What LibreOffice said, on one line, without its notice about Java and its `convert …` line;
    /// nil when that leaves nothing.
    static func said(_ text: String) -> String? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.contains("javaldx") && !$0.hasPrefix("convert ") }
        let said = TextSafety.printable(lines.joined(separator: " "))
        return said.isEmpty ? nil : String(said.prefix(300))
    }
}
