#if canImport(Glibc)
    import Glibc
#endif

/// Reads an open file to its end a piece at a time, so that a file of tens of megabytes (an
/// attachment) is never held whole: copies and digests go through here.
enum FilePieces {
    /// The piece read at a time.
    static let size = 1 << 20

    /// Hands every piece of `descriptor`'s file to `body` in order (the last one shorter), until
    /// the end or until `body` returns false; the error number of a failed read, nil otherwise.
    @discardableResult
    static func read(_ descriptor: Int32, _ body: (ArraySlice<UInt8>) -> Bool) -> Int32? {
        var piece = [UInt8](repeating: 0, count: size)
        while true {
            let count = piece.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { return errno }
            if count == 0 || !body(piece[0..<count]) { return nil }
        }
    }
}
