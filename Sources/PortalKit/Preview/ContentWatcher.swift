import CPortalSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells which files changed under some folders, through Linux inotify: every folder below a
/// watched root is watched, and folders made later are added as they appear.
///
/// It owns its inotify descriptor and an eventfd that wakes a blocked `next()` for `stop()`; both
/// are closed when it goes. `next()` runs on a thread of its own (it blocks), the rest anywhere.
final class ContentWatcher: @unchecked Sendable {
    /// Why watching is impossible (inotify refused, usually its limit of watches reached).
    struct Unavailable: Error, Sendable {
        var reason: String
    }

    private let descriptor: Int32
    private let wakeDescriptor: Int32
    private let lock = NSLock()
    /// Watch descriptor → the folder it watches.
    private var folders: [Int32: String] = [:]
    /// Paths never watched or reported: the output folder and what a build writes beside it
    /// (`.Output.staging-…`, `.Output.lock`, …), whatever every build changes.
    private let excluded: [String]
    private let excludedPrefixes: [String]
    private var stopped = false

    /// Collects changes until none came for this long: an editor's save is several events.
    let quietPeriod: Duration

    init(excluding excluded: [URL], quietPeriod: Duration = .milliseconds(40)) throws(Unavailable) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw Unavailable(reason: String(cString: strerror(errno))) }
        let wake = eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK))
        guard wake >= 0 else {
            close(descriptor)
            throw Unavailable(reason: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        self.wakeDescriptor = wake
        let folders = excluded.map { $0.standardizedFileURL.resolvingSymlinksInPath() }
        self.excluded = folders.map(\.path)
        self.excludedPrefixes = folders.flatMap { folder in
            return [folder.path + "/", folder.deletingLastPathComponent().path + "/.\(folder.lastPathComponent)."]
        }
        self.quietPeriod = quietPeriod
    }

    deinit {
        close(descriptor)
        close(wakeDescriptor)
    }

    /// Watches `root` and every folder below it (links are not followed). Watching a folder twice is harmless.
    func watch(_ root: URL) throws(Unavailable) {
        try add(root.standardizedFileURL.resolvingSymlinksInPath().path, recursive: true)
    }

    /// Wakes `next()` and makes it return nil from now on.
    func stop() {
        lock.withLock { stopped = true }
        var one: UInt64 = 1
        _ = write(wakeDescriptor, &one, MemoryLayout<UInt64>.size)
    }

    /// Blocks until something changed and then stayed quiet for `quietPeriod`; returns the paths
    /// that changed (a folder's path when everything in it may have), or nil once stopped.
    func next() -> Set<String>? {
        var changed: Set<String> = []
        // Wait without limit for the first event, then only for the quiet period.
        var timeout: Int32 = -1
        while true {
            var polled = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&polled, 2, timeout)
            if lock.withLock({ stopped }) { return nil }
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if ready == 0 { return changed }  // quiet for the whole period
            if polled[0].revents & Int16(POLLIN) != 0 { drain(into: &changed) }
            if !changed.isEmpty {
                let (seconds, attoseconds) = quietPeriod.components
                timeout = Int32(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
            }
        }
    }

    /// The changes as a stream; ending the stream stops the watcher.
    func changes() -> AsyncStream<Set<String>> {
        let (stream, continuation) = AsyncStream.makeStream(of: Set<String>.self, bufferingPolicy: .unbounded)
        continuation.onTermination = { [self] _ in stop() }
        let thread = Thread { [self] in
            while let batch = next() { continuation.yield(batch) }
            continuation.finish()
        }
        thread.name = "portal-gen watcher"
        thread.start()
        return stream
    }

    private static let mask = UInt32(
        IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF
            | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK)

    private func isExcluded(_ path: String) -> Bool {
        excluded.contains(path) || excludedPrefixes.contains { path.hasPrefix($0) }
    }

    private func add(_ folder: String, recursive: Bool) throws(Unavailable) {
        guard !isExcluded(folder) else { return }
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        if watch < 0 {
            // A folder gone meanwhile or not a folder: nothing to watch. A full table of watches is a real failure.
            if errno == ENOSPC || errno == ENOMEM { throw Unavailable(reason: String(cString: strerror(errno))) }
            return
        }
        lock.withLock { folders[watch] = folder }
        guard recursive, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != "..", entry.pointee.d_type == UInt8(DT_DIR) else { continue }
            try add(folder + "/" + name, recursive: true)
        }
    }

    /// Reads every queued event; a folder made or moved in is watched and reported whole.
    private func drain(into changed: inout Set<String>) {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { return }
            var offset = 0
            while offset + 16 <= count {
                let watch = buffer.load(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = UnsafeRawBufferPointer(start: buffer + offset + 16, count: length)
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: whatever is watched may have changed.
                    changed.formUnion(lock.withLock { Array(folders.values) })
                    continue
                }
                guard let folder = lock.withLock({ folders[watch] }) else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    lock.withLock { _ = folders.removeValue(forKey: watch) }
                    continue
                }
                let path = name.isEmpty ? folder : folder + "/" + name
                if isExcluded(path) { continue }
                changed.insert(path)
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    try? add(path, recursive: true)
                }
            }
        }
    }
}
