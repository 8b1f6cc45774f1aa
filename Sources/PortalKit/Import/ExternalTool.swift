import Foundation

/// Runs another program (poppler's `pdftotext`, LibreOffice's `soffice`) as its own process, with
/// a time limit and a cap on what it may print: GPL tools are used this way and never linked, and a
/// hostile file must not hang an import or fill the memory.
struct ExternalTool: Sendable {
    /// Why a run gave no usable output.
    enum Failure: Error, Sendable, Equatable {
        /// The program is not installed (not found on `PATH`).
        case notInstalled(String)
        /// It ran longer than the time limit and was stopped.
        case timedOut(seconds: Int)
        /// It printed more than the output limit and was stopped.
        case outputTooLarge(megabytes: Int)
        /// It ended with a non-zero status; `detail` is the start of what it wrote to stderr.
        case failed(status: Int32, detail: String)
    }

    /// The program's name, looked up on `PATH`, or its full path (holding a `/`).
    let name: String
    var timeout: Duration = .seconds(60)
    var outputLimit: Int = 256 * 1024 * 1024

    /// The full path of `name` on `PATH` (or `name` itself when it is a path), if it is installed.
    static func locate(_ name: String) -> URL? {
        if name.contains("/") {
            return FileManager.default.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs the program and returns what it printed on stdout.
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws(Failure) -> Data {
        try runCapturing(arguments, in: directory, environment: environment).output
    }

    /// Runs the program and returns what it printed on stdout, and the start of what it printed on
    /// stderr (some programs, LibreOffice among them, end with status 0 after an error they print).
    func runCapturing(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws(Failure) -> (output: Data, errors: Data) {
        guard let executable = Self.locate(name) else { throw .notInstalled(name) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let collected = Collected()
        let reading = DispatchGroup()
        do {
            try process.run()
        } catch {
            throw .failed(status: -1, detail: error.localizedDescription)
        }
        // Foundation starts the program as the leader of a process group of its own.
        let pid = process.processIdentifier
        let leadsGroup = getpgid(pid) == pid
        let limit = outputLimit
        reading.enter()
        DispatchQueue.global().async {
            let handle = output.fileHandleForReading
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                if collected.append(chunk, limit: limit) == false {
                    Self.stop(process, group: leadsGroup)
                    break
                }
            }
            reading.leave()
        }
        reading.enter()
        DispatchQueue.global().async {
            collected.setErrors(errors.fileHandleForReading.readDataToEndOfFile())
            reading.leave()
        }
        let seconds = Int(timeout.components.seconds)
        let deadline = DispatchTime.now() + .seconds(seconds)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            finished.signal()
        }
        if finished.wait(timeout: deadline) == .timedOut {
            collected.markTimedOut()
            Self.stop(process, group: leadsGroup)
            if finished.wait(timeout: .now() + .seconds(5)) == .timedOut {
                Self.stop(process, group: leadsGroup, signal: SIGKILL)
                finished.wait()
            }
        }
        // What the program started (LibreOffice's `soffice` starts `soffice.bin`) may still hold
        // the pipes open: it is in the program's process group, and is stopped with it.
        if collected.timedOut || collected.overflowed { Self.stop(process, group: leadsGroup, signal: SIGKILL) }
        reading.wait()
        if collected.timedOut { throw .timedOut(seconds: seconds) }
        if collected.overflowed { throw .outputTooLarge(megabytes: limit / 1024 / 1024) }
        guard process.terminationStatus == 0 else {
            throw .failed(status: process.terminationStatus, detail: String(decoding: collected.errors.prefix(400), as: UTF8.self))
        }
        return (collected.data, collected.errors.prefix(4096))
    }

    /// Signals the program and everything it started (its process group, when it leads one;
    /// otherwise only the program, while it runs).
    private static func stop(_ process: Process, group: Bool, signal: Int32 = SIGTERM) {
        let pid = process.processIdentifier
        guard pid > 0 else { return }
        if group {
            kill(-pid, signal)
        } else if process.isRunning {
            kill(pid, signal)
        }
    }

    /// What the reading threads gathered; guarded by a lock.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var data = Data()
        private(set) var errors = Data()
        private(set) var overflowed = false
        private(set) var timedOut = false

        func append(_ chunk: Data, limit: Int) -> Bool {
            lock.withLock {
                guard data.count + chunk.count <= limit else {
                    overflowed = true
                    return false
                }
                data.append(chunk)
                return true
            }
        }

        func setErrors(_ value: Data) { lock.withLock { errors = value } }
        func markTimedOut() { lock.withLock { timedOut = true } }
    }
}
