import Foundation
import PortalKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `portal-gen serve`, run as the real executable on a free loopback port: what it serves, what it
/// refuses, how open pages follow changes and errors, and how it stops.
@Suite struct ServeCommandTests {
    /// A portal with two reports and its own copy of the default theme (tests edit the stylesheet).
    static func portal() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.write(minimalSettings, to: "Content/portal.yml")
        try workspace.write(reportText(body: "## 一、总体情况\n\n第一版正文。\n"), to: "Content/reports/2024/huazhuang.md")
        try workspace.write(reportText(township: "东城镇"), to: "Content/reports/2024/dongcheng.md")
        try FileManager.default.copyItem(at: Repository.defaultTheme, to: workspace.url.appendingPathComponent("Themes/default"))
        return workspace
    }

    @Test func servesTheBuiltSiteWithContentTypesAndItsOwn404Page() throws {
        let workspace = try Self.portal()
        let server = try PreviewProcess(in: workspace)
        defer { server.kill() }
        #expect(server.stdout.contains("预览地址：http://127.0.0.1:\(server.port)/（按 Ctrl-C 停止）"), "\(server.stdout)")
        #expect(server.stdout.contains("已构建 2 份报告"), "the first build prints the usual summary: \(server.stdout)")

        let home = try HTTP.get("/", port: server.port)
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.text.contains("测试县政府信息公开工作年度报告"))
        for (path, type) in [
            ("/assets/style.css", "text/css; charset=utf-8"), ("/data/reports.json", "application/json; charset=utf-8"),
            ("/data/reports.csv", "text/csv; charset=utf-8"), ("/sitemap.xml", "application/xml; charset=utf-8"),
            ("/robots.txt", "text/plain; charset=utf-8"), ("/assets/police-badge.svg", "image/svg+xml"),
            ("/2024/huazhuang/data.json", "application/json; charset=utf-8"),
        ] {
            let response = try HTTP.get(path, port: server.port)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["content-type"] == type, "\(path)")
        }
        // A folder is its index.html; without its final slash it is redirected (relative links need it).
        #expect(try HTTP.get("/2024/huazhuang/", port: server.port).text.contains("第一版正文"))
        let redirect = try HTTP.get("/2024/huazhuang", port: server.port)
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/2024/huazhuang/")

        let notFoundPage = try String(contentsOf: workspace.url.appendingPathComponent("Output/404.html"), encoding: .utf8)
        let missing = try HTTP.get("/2031/nowhere/index.html", port: server.port)
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        #expect(missing.text.hasPrefix(String(notFoundPage.prefix(200))), "the site's own 404 page")
    }

    @Test func refusesEverythingOutsideTheSiteAndListsNoFolder() throws {
        let workspace = try Self.portal()
        try workspace.write("secret\n", to: "secret.txt")
        let server = try PreviewProcess(in: workspace)
        defer { server.kill() }
        let output = workspace.url.appendingPathComponent("Output")
        // Links put into the output folder by hand are never followed.
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("link.txt").path, withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("linked").path, withDestinationPath: workspace.url.path)
        for path in [
            "/../secret.txt", "/2024/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt", "/2024/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/..%2fsecret.txt", "/a%00b", "/index.html%00.css", "/.portal-gen-manifest", "/.portal-gen-cache", "/.portal-gen-output",
            "/link.txt", "/linked/secret.txt", "/%zz", "/assets/", "/data/", "/assets",
        ] {
            let response = try HTTP.get(path, port: server.port)
            #expect(response.status == 404 || path == "/assets", "\(path): \(response.status)")
            #expect(!response.text.contains("secret"), "\(path)")
            #expect(!response.text.contains("style.css</a>") && !response.text.contains("reports.csv</a>"), "\(path): no listing")
        }
        // A folder without index.html is redirected to its slash, then not found (never listed).
        #expect(try HTTP.get("/assets", port: server.port).status == 301)
    }

    @Test func theReloadScriptIsAddedToHTMLResponsesOnly() throws {
        let workspace = try Self.portal()
        let server = try PreviewProcess(in: workspace)
        defer { server.kill() }
        let page = try HTTP.get("/2024/huazhuang/", port: server.port)
        #expect(page.text.contains("new EventSource(\"/__portal-gen/events?since="))
        #expect(try HTTP.get("/404-anything", port: server.port).text.contains("/__portal-gen/events"))
        #expect(!(try HTTP.get("/assets/style.css", port: server.port).text.contains("__portal-gen")))
        // The files written are exactly what `build` writes: no trace of the preview.
        let served = IncrementalBuildTests.site(workspace.url.appendingPathComponent("Output"))
        #expect(!served.isEmpty)
        for (path, bytes) in served {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("__portal-gen"), "\(path)")
        }
        server.kill()
        let built = try workspace.build(output: "Built")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(IncrementalBuildTests.site(workspace.url.appendingPathComponent("Built")) == served, "serve writes what build writes")
    }

    @Test func aSavedReportRebuildsThePageAndReloadsOpenPages() throws {
        let workspace = try Self.portal()
        let server = try PreviewProcess(in: workspace)
        defer { server.kill() }
        let events = try EventStream(port: server.port)
        defer { events.close() }
        try #require(try eventually { events.text.contains(": portal-gen") })

        try workspace.write(reportText(body: "## 一、总体情况\n\n第二版正文。\n"), to: "Content/reports/2024/huazhuang.md")
        #expect(try eventually { events.text.contains("event: reload") }, "\(events.text)")
        #expect(try HTTP.get("/2024/huazhuang/", port: server.port).text.contains("第二版正文"))
        #expect(try eventually { server.stdout.contains("已重新构建：Content/reports/2024/huazhuang.md") }, "\(server.stdout)")

        // A stylesheet alone is swapped in place, not reloaded.
        let before = events.text
        let css = workspace.url.appendingPathComponent("Themes/default/assets/style.css")
        try Data((try String(contentsOf: css, encoding: .utf8) + "\n.preview-test { color: red; }\n").utf8).write(to: css)
        #expect(try eventually { events.text.dropFirst(before.count).contains("event: stylesheets") }, "\(events.text)")
        #expect(!events.text.dropFirst(before.count).contains("event: reload"))
        #expect(try HTTP.get("/assets/style.css", port: server.port).text.contains(".preview-test"))

        // A page whose stream starts after a build it did not show reloads at once.
        let stale = try EventStream(port: server.port, since: "stale-0")
        defer { stale.close() }
        #expect(try eventually { stale.text.contains("event: reload") })
    }

    @Test func aBuildErrorShowsInTheBrowserWithItsPlaceAndClearsWhenFixed() throws {
        let workspace = try Self.portal()
        let server = try PreviewProcess(in: workspace)
        defer { server.kill() }
        let events = try EventStream(port: server.port)
        defer { events.close() }
        try #require(try eventually { events.text.contains(": portal-gen") })

        let broken = reportText(year: 2024).replacingOccurrences(of: "year: 2024", with: "year: 二〇二四")
        try workspace.write(broken, to: "Content/reports/2024/huazhuang.md")
        #expect(try eventually { events.text.contains("event: reload") })
        #expect(try eventually { server.stderr.contains("构建失败") }, "\(server.stderr)")
        #expect(server.stderr.contains("Content/reports/2024/huazhuang.md:4:7: 错误: "), "the terminal prints the diagnostics: \(server.stderr)")
        let page = try HTTP.get("/2024/huazhuang/", port: server.port)
        #expect(page.status == 200, "the last site that built is still served")
        #expect(page.text.contains("id=\"portal-gen-errors\""))
        #expect(page.text.contains("<strong>Content/reports/2024/huazhuang.md:4:7</strong>"), "\(page.text)")
        #expect(page.text.contains("构建失败：1 个错误"))
        // Nothing of the overlay is in the output folder.
        let file = try String(contentsOf: workspace.url.appendingPathComponent("Output/2024/huazhuang/index.html"), encoding: .utf8)
        #expect(!file.contains("portal-gen-errors"))

        let reloads = events.text.components(separatedBy: "event: reload").count
        try workspace.write(reportText(body: "## 一、总体情况\n\n改正后的正文。\n"), to: "Content/reports/2024/huazhuang.md")
        #expect(try eventually { events.text.components(separatedBy: "event: reload").count > reloads })
        let fixed = try HTTP.get("/2024/huazhuang/", port: server.port)
        #expect(!fixed.text.contains("portal-gen-errors"))
        #expect(fixed.text.contains("改正后的正文"))
    }

    @Test func anErrorIsEscapedInTheOverlay() throws {
        let workspace = try Self.portal()
        let server = try PreviewProcess(in: workspace)
        defer { server.kill() }
        let events = try EventStream(port: server.port)
        defer { events.close() }
        try #require(try eventually { events.text.contains(": portal-gen") })
        try workspace.write(reportText(township: "<script>alert(1)</script>"), to: "Content/reports/2024/huazhuang.md")
        #expect(try eventually { events.text.contains("event: reload") })
        let page = try HTTP.get("/", port: server.port)
        #expect(page.text.contains("portal-gen-errors"))
        #expect(!page.text.contains("<script>alert(1)"))
        #expect(page.text.contains("&lt;script&gt;alert(1)"))
    }

    @Test func aFirstBuildThatFailsIsShownOnEveryPath() throws {
        let workspace = try Self.portal()
        try workspace.write(reportText(published: "2025-02-30"), to: "Content/reports/2024/huazhuang.md")
        let server = try PreviewProcess(in: workspace)
        defer { server.kill() }
        let page = try HTTP.get("/", port: server.port)
        #expect(page.status == 503)
        #expect(page.text.contains("网站还没有构建成功"))
        #expect(page.text.contains("Content/reports/2024/huazhuang.md:"))
        #expect(page.text.contains("/__portal-gen/events"))
    }

    @Test(arguments: [SIGINT, SIGTERM]) func stopsCleanlyOnASignal(_ signal: Int32) throws {
        let workspace = try Self.portal()
        let server = try PreviewProcess(in: workspace)
        defer { server.kill() }
        let events = try EventStream(port: server.port)
        defer { events.close() }
        try #require(try eventually { events.text.contains(": portal-gen") })
        #expect(server.stop(signal) == 0, "\(server.stderr)")
        #expect(server.stdout.contains("预览已停止。"))
    }

    @Test func aPortInUseIsSaidInChinese() throws {
        let workspace = try Self.portal()
        let first = try PreviewProcess(in: workspace)
        defer { first.kill() }
        let second = try PortalGen.run(["serve", "--port", "\(first.port)", "--output", "Second"], in: workspace.url, environment: ["PORTAL_GEN_LANG": "zh"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("端口 \(first.port) 已被其他程序占用"), "\(second.stderr)")
    }

    @Test func helpAndMessagesFollowTheLanguage() throws {
        let workspace = try Workspace()
        let help = try PortalGen.run(["serve", "--help"], in: workspace.url, environment: ["PORTAL_GEN_LANG": "zh"])
        #expect(help.stdout.contains(Message.serveAbstract.text(.chinese)), "\(help.stdout)")
        #expect(help.stdout.contains("--lan"))
        #expect(help.stdout.contains(Message.serveHelpLAN.text(.chinese)))
        let englishHelp = try PortalGen.run(["serve", "--help", "--lang", "en"], in: workspace.url)
        #expect(
            englishHelp.stdout.contains("USAGE: portal-gen serve") && !englishHelp.stdout.contains(Message.serveHelpLAN.text(.chinese)), "\(englishHelp.stdout)"
        )
        let english = try Self.portal()
        let server = try PreviewProcess(in: english, extra: ["--lang", "en"])
        defer { server.kill() }
        #expect(server.stdout.contains("Preview at http://127.0.0.1:\(server.port)/ (press Ctrl-C to stop)"), "\(server.stdout)")
        let badLanguage = try PortalGen.run(["serve", "--lang", "fr"], in: workspace.url, environment: ["PORTAL_GEN_LANG": "zh"])
        #expect(badLanguage.status == 2)
        #expect(badLanguage.stderr.shows(.languageInvalid(text: "fr")))
    }
}

/// Polls `condition` until it holds; the limit is a hang guard, not a speed claim.
private func eventually(timeout: TimeInterval = 300, _ condition: () throws -> Bool) throws -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return try condition()
}

/// The real `portal-gen serve` on a free loopback port (`--port 0`; the port is read from what it prints).
private final class PreviewProcess {
    let process = Process()
    let folder: URL
    private(set) var port = 0

    init(in workspace: Workspace, extra: [String] = []) throws {
        folder = workspace.url.appendingPathComponent(".serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["out", "err"] { _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil) }
        process.executableURL = PortalGen.executable
        process.arguments = ["serve", "--port", "0", "--theme", "Themes/default"] + extra
        process.currentDirectoryURL = workspace.url
        process.environment = ProcessInfo.processInfo.environment.merging(["PORTAL_GEN_LANG": "zh"]) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent("out"))
        process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("err"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pattern = try NSRegularExpression(pattern: #"http://127\.0\.0\.1:([0-9]+)/"#)
        _ = try eventually { [self] in
            let text = stdout
            guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return !process.isRunning }
            port = Int(text[Range(match.range(at: 1), in: text)!])!
            return true
        }
        guard port > 0 else {
            kill()
            throw PreviewFailed(output: stdout + stderr)
        }
    }

    struct PreviewFailed: Error {
        var output: String
    }

    var stdout: String { (try? String(contentsOf: folder.appendingPathComponent("out"), encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: folder.appendingPathComponent("err"), encoding: .utf8)) ?? "" }

    /// Sends `signal` and waits for the exit; returns the exit status.
    func stop(_ signal: Int32) -> Int32 {
        Glibc.kill(process.processIdentifier, signal)
        _ = try? eventually { !self.process.isRunning }
        if process.isRunning { kill() }
        return process.terminationStatus
    }

    func kill() {
        if process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { kill() }
}

/// A one-request HTTP/1.1 client on a raw socket: paths are sent exactly as given (`..` included),
/// which URL-normalising clients would not do.
private enum HTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func connect(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 300, tv_usec: 0)  // hang guard
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        return socket
    }

    static func send(_ text: String, to socket: Int32) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
    }

    static func get(_ path: String, port: Int) throws -> Response {
        let socket = try connect(port: port)
        defer { close(socket) }
        send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", to: socket)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[..<count])
        }
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return Response(status: 0, headers: [:], body: data) }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[end.upperBound...]))
    }
}

/// The preview's event stream as a page follows it, read on a thread of its own.
private final class EventStream: @unchecked Sendable {
    private let socket: Int32
    private let lock = NSLock()
    private var received = Data()

    init(port: Int, since: String? = nil) throws {
        socket = try HTTP.connect(port: port)
        HTTP.send("GET /__portal-gen/events\(since.map { "?since=\($0)" } ?? "") HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n", to: socket)
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

    func close() {
        shutdown(socket, Int32(SHUT_RDWR))
    }

    deinit { Glibc.close(socket) }
}
