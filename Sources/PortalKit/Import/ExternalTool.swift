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

    /// The program's name, looked up on `PATH`.
    let name: String
    var timeout: Duration = .seconds(60)
    var outputLimit: Int = 256 * 1024 * 1024

    /// The full path of `name` on `PATH`, if it is installed.
    static func locate(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs the program and returns what it printed on stdout.
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws(Failure) -> Data {
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
        let limit = outputLimit
        reading.enter()
        DispatchQueue.global().async {
            let handle = output.fileHandleForReading
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                if collected.append(chunk, limit: limit) == false {
                    process.terminate()
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
            process.terminate()
            if finished.wait(timeout: .now() + .seconds(5)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        reading.wait()
        if collected.timedOut { throw .timedOut(seconds: seconds) }
        if collected.overflowed { throw .outputTooLarge(megabytes: limit / 1024 / 1024) }
        guard process.terminationStatus == 0 else {
            throw .failed(status: process.terminationStatus, detail: String(decoding: collected.errors.prefix(400), as: UTF8.self))
        }
        return collected.data
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
