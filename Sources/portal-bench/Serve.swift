import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Save-to-reload latency of `portal-gen serve`: from a report file written to the reload event
/// received by a page following the preview's event stream.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a portal, start portal-gen serve on it and time save → reload event for one-report edits.")
    @OptionGroup var size: Size
    @Option(help: "Working folder (replaced).") var work = ".bench"
    @Option(help: "The portal-gen executable (build it with -c release).") var portalGen = ".build/release/portal-gen"
    @Option(help: "The theme to copy into the working folder.") var theme = "Themes/default"
    @Option(help: "Edits to time.") var edits = 10
    @Option(help: "Seconds between two saves (a person reading the page before the next edit).") var pause = 2.0

    func run() throws {
        let fm = FileManager.default
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        try? fm.removeItem(at: workURL)
        try fm.createDirectory(at: workURL.appendingPathComponent("Themes"), withIntermediateDirectories: true)
        try size.portal.write(to: workURL.appendingPathComponent("Content"))
        try fm.copyItem(at: URL(fileURLWithPath: theme), to: workURL.appendingPathComponent("Themes/default"))

        let log = workURL.appendingPathComponent("serve.log")
        _ = fm.createFile(atPath: log.path, contents: nil)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: portalGen).standardizedFileURL
        server.arguments = ["serve", "--port", "0", "--lang", "en"]
        server.currentDirectoryURL = workURL
        server.standardOutput = try FileHandle(forWritingTo: log)
        server.standardError = FileHandle.nullDevice
        let start = Date()
        try server.run()
        defer {
            if server.isRunning {
                kill(server.processIdentifier, SIGINT)
                server.waitUntilExit()
            }
        }
        func output() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        guard
            let port = waitFor(
                600,
                { () -> Int? in
                    guard let range = output().range(of: #"127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) else { return nil }
                    return Int(output()[range].dropFirst("127.0.0.1:".count).dropLast())
                })
        else { throw ValidationError("portal-gen serve did not start:\n\(output())") }
        print("portal-bench serve: \(size.reports) reports; first build and listening after \(String(format: "%.1f", Date().timeIntervalSince(start))) s")

        let events = try EventStreamReader(port: port)
        guard waitFor(60, { events.text.contains(": portal-gen") ? true : nil }) != nil else { throw ValidationError("no event stream") }
        let reports = workURL.appendingPathComponent("Content/reports")
        let year = try fm.contentsOfDirectory(atPath: reports.path).sorted().last!
        let files = try fm.contentsOfDirectory(atPath: reports.appendingPathComponent(year).path).sorted()
        var latencies: [Double] = []
        var builds: [Double] = []
        for edit in 0..<edits {
            // Leave the preview idle a moment, as a person between two saves does.
            Thread.sleep(forTimeInterval: pause)
            let file = reports.appendingPathComponent(year).appendingPathComponent(files[edit % files.count])
            let text = try String(contentsOf: file, encoding: .utf8) + "\n本段为基准测试第\(edit + 1)次修改。\n"
            let before = events.count("event: reload")
            let logged = output().components(separatedBy: "Rebuilt after").count
            let saved = Date()
            try Data(text.utf8).write(to: file)
            guard waitFor(120, { events.count("event: reload") > before ? true : nil }) != nil else { throw ValidationError("no reload event") }
            latencies.append(Date().timeIntervalSince(saved))
            _ = waitFor(10, { output().components(separatedBy: "Rebuilt after").count > logged ? true : nil })
            if let range = output().range(of: #"written in [0-9.]+ s\n$"#, options: .regularExpression) {
                builds.append(Double(output()[range].dropFirst("written in ".count).dropLast(3)) ?? 0)
            }
        }
        events.close()
        func summary(_ values: [Double]) -> String {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return "-" }
            return String(format: "median %.3f s, min %.3f s, max %.3f s", sorted[sorted.count / 2], sorted.first!, sorted.last!)
        }
        print("save → reload event (\(latencies.count) edits): \(summary(latencies))")
        print("of which the rebuild (as the server reports it): \(summary(builds))")
    }

    /// Polls until `value` gives something, for at most `seconds` (a hang guard).
    func waitFor<T>(_ seconds: Double, _ value: () -> T?) -> T? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let found = value() { return found }
            usleep(1000)
        }
        return nil
    }
}

/// Follows `/__portal-gen/events` on a raw socket, as a browser page does.
final class EventStreamReader: @unchecked Sendable {
    private let socket: Int32
    private let lock = NSLock()
    private var received = Data()

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ValidationError("cannot connect to port \(port)") }
        let request = Array("GET /__portal-gen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { break }
                lock.withLock { received.append(contentsOf: buffer[..<count]) }
            }
        }
        thread.start()
    }

    var text: String { lock.withLock { String(decoding: received, as: UTF8.self) } }

    func count(_ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func close() { shutdown(socket, Int32(SHUT_RDWR)) }
}
