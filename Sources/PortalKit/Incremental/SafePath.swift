/// A path relative to the output folder that cannot leave it: what every path read back from a
/// file in the output folder (manifest, journal) must be before it is used.
///
/// Files in the output folder can be edited by anyone who can write there; a path taken from them
/// is data, never trusted. Only plain relative paths are accepted: no absolute path, no empty, `.`
/// or `..` component, no NUL or other control character (a newline would also forge a record line).
/// Symbolic links on the way are dealt with where the path is used (`ContainedFolder`).
struct SafePath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path, components joined by `/`.
    let value: String

    /// The longest path accepted (Linux's `PATH_MAX`).
    static let maximumLength = 4096

    init?(_ text: some StringProtocol) {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count < Self.maximumLength, bytes.first != UInt8(ascii: "/") else { return nil }
        var componentLength = 0
        var onlyDots = true
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F { return nil }
            if byte == UInt8(ascii: "/") {
                // An empty component (`a//b`, a trailing `/`), `.` or `..`.
                if componentLength == 0 || onlyDots && componentLength <= 2 { return nil }
                componentLength = 0
                onlyDots = true
                continue
            }
            componentLength += 1
            if componentLength > 255 { return nil }
            if byte != UInt8(ascii: ".") { onlyDots = false }
        }
        if componentLength == 0 || onlyDots && componentLength <= 2 { return nil }
        value = String(text)
    }

    /// The path's components.
    var components: [Substring] { value.split(separator: "/") }

    var description: String { value }

    static func < (a: SafePath, b: SafePath) -> Bool { a.value < b.value }
}
