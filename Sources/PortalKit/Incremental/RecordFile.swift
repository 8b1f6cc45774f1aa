import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The envelope of every file portal-gen reads back from an earlier build (the manifest, the parse
/// cache, the commit journal): a header naming the kind of record, its format and the portal-gen
/// build that wrote it, and a trailer with a checksum of everything before it.
///
/// What a build reads back decides what it does not redo, so a damaged or foreign record must never
/// be used: any mismatch (a flipped bit, a truncated file, another portal-gen) means the record is
/// ignored, with a one-line warning, and the build works from the content alone.
enum RecordFile {
    enum Kind: String, Sendable {
        case manifest
        case parseCache = "parse-cache"
        case journal

        /// The format of the record's body; raised whenever the body's layout changes.
        var format: Int {
            switch self {
            case .manifest: 3
            case .parseCache: 8
            case .journal: 2
            }
        }
    }

    /// Why a record was not used.
    enum Rejection: Error, Sendable, Equatable {
        /// Truncated, or its checksum does not match its bytes.
        case damaged
        /// Written by another portal-gen build or another format.
        case foreign
        /// It is not a plain file (a link, a folder), or it could not be read.
        case unreadable(String)

        /// The rejection as a message shows it.
        var problem: Message.RecordProblem {
            switch self {
            case .damaged: .damaged
            case .foreign: .foreign
            case .unreadable(let why): .unreadable(why)
            }
        }
    }

    /// The largest record read back (a national portal's parse cache is a few hundred megabytes).
    static let maximumSize = 4 << 30

    static let trailerPrefix = Array("\nchecksum ".utf8)
    static let trailerLength = trailerPrefix.count + 16 + 1

    /// The first bytes of a record of `kind` written by this portal-gen.
    static func header(_ kind: Kind) -> [UInt8] {
        Array("portal-gen \(kind.rawValue) \(kind.format)\n\(PortalKit.buildIdentity)\n".utf8)
    }

    /// The last bytes of a record whose bytes before them have the fingerprint `checksum`.
    static func trailer(checksum: ContentHash) -> [UInt8] {
        trailerPrefix + Array(checksum.fixedWidthValue.utf8) + [0x0A]
    }

    /// A whole record: header, body and trailer.
    static func seal(_ kind: Kind, body: [UInt8]) -> [UInt8] {
        var bytes = header(kind) + body
        var hash = ContentHash()
        hash.update(bytes)
        bytes += trailer(checksum: hash)
        return bytes
    }

    /// The body of a record, when `bytes` are a whole, undamaged record of `kind` from this portal-gen.
    static func open(_ bytes: [UInt8], as kind: Kind) -> Result<ArraySlice<UInt8>, Rejection> {
        let header = header(kind)
        // Only a record that names itself as one of this kind, from another build, is foreign.
        let kindPrefix = Array("portal-gen \(kind.rawValue) ".utf8)
        let foreign: Rejection = bytes.starts(with: kindPrefix) && !bytes.starts(with: header) ? .foreign : .damaged
        guard bytes.count >= header.count + trailerLength else { return .failure(foreign) }
        let end = bytes.count - trailerLength
        guard bytes[end..<end + trailerPrefix.count].elementsEqual(trailerPrefix), bytes.last == 0x0A else { return .failure(foreign) }
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<end])) }
        guard bytes[(end + trailerPrefix.count)..<(bytes.count - 1)].elementsEqual(hash.fixedWidthValue.utf8) else { return .failure(foreign) }
        guard bytes.starts(with: header) else { return .failure(foreign) }
        return .success(bytes[header.count..<end])
    }

    /// Reads the record at `path`: nil when there is none. A link is never followed.
    static func read(_ path: String, as kind: Kind) -> Result<ArraySlice<UInt8>, Rejection>? {
        switch readPlainFile(path, limit: maximumSize) {
        case .none: return nil
        case .failure(let error): return .failure(.unreadable(error.reason))
        case .success(let bytes): return open(bytes, as: kind)
        }
    }

    /// The bytes of a plain file, nil when there is none; a symbolic link or a folder is refused
    /// (`ELOOP`, `EISDIR`), so a record can never make portal-gen read a file elsewhere.
    static func readPlainFile(_ path: String, limit: Int) -> Result<[UInt8], SystemError>? {
        let descriptor = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            return errno == ENOENT ? nil : .failure(SystemError("读取 \(path)"))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(SystemError("读取 \(path)")) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(SystemError("读取 \(path)", code: EISDIR)) }
        guard Int(info.st_size) <= limit else { return .failure(SystemError("读取 \(path)", code: EFBIG)) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(SystemError("读取 \(path)"))
            }
            if count == 0 { break }
            offset += count
        }
        // A file that shrank while it was read is returned as it was read: its checksum tells.
        bytes.removeLast(bytes.count - offset)
        return .success(bytes)
    }
}
