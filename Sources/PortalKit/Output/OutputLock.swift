import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on `.<output>.lock` beside the output folder: two builds into one folder
/// never interleave. Released when the lock is released or dropped, and by the kernel when the
/// process dies, so a killed build never leaves the folder locked.
final class OutputLock: Sendable {
    private let descriptor: Int32
    private let released = Mutex(false)

    enum Failure: Error {
        case cannotCreate(SystemError)
        case held
    }

    init(beside output: URL) throws(Failure) {
        let path = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock").path
        var descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if descriptor < 0, errno == ELOOP {
            // A link where the lock belongs: removed as a link (what it points to is not touched).
            unlink(path)
            descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o644)
        }
        guard descriptor >= 0 else { throw .cannotCreate(SystemError("创建锁文件 \(path)")) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .held
        }
        self.descriptor = descriptor
    }

    func release() {
        let first = released.withLock { done in
            defer { done = true }
            return !done
        }
        if first { close(descriptor) }
    }

    deinit { release() }
}
