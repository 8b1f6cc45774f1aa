#if canImport(Glibc)
    import Glibc
#endif

/// A failed system call, with the system's own words for it ("No space left on device").
struct SystemError: Error, Sendable, CustomStringConvertible {
    var code: Int32
    /// What was being done, in the user's words (`写入 2024/index.html`).
    var action: String

    init(_ action: String, code: Int32 = errno) {
        self.code = code
        self.action = action
    }

    /// The system's words, as `strerror` gives them.
    var reason: String { String(cString: strerror(code)) }

    var description: String { "\(action)失败：\(reason)" }
}
