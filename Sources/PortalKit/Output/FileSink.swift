#if canImport(Glibc)
    import Glibc
#endif

/// A file of the site written in pieces, fingerprinted as it is written, so that the files made
/// from every report (tens of megabytes at national scale) are never held whole in memory.
struct FileSink {
    /// Bytes are handed to the system in pieces of about this size.
    static let bufferSize = 1 << 20

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var hash = ContentHash()
    /// The error number of the first failed write, if any.
    private(set) var failure: Int32?

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.bufferSize)
    }

    mutating func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { flush() }
    }

    mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Writes out what is buffered.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        hash.update(buffer)
        if failure == nil { failure = OutputWriter.writeAll(buffer, to: descriptor) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Ends a `RecordFile`: writes out what is buffered, then the checksum of everything written.
    mutating func seal() {
        flush()
        let trailer = RecordFile.trailer(checksum: hash)
        if failure == nil { failure = OutputWriter.writeAll(trailer, to: descriptor) }
    }
}
