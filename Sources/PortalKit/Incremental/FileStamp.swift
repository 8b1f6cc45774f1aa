#if canImport(Glibc)
    import Glibc
#endif

/// What identifies one version of a file without reading it: size, modification time and inode.
///
/// The manifest records the stamp of every file a build wrote, and the next build compares them
/// with the files it finds, so a file deleted, edited or replaced by hand in the output folder is
/// noticed (and written again) without reading every byte of the site.
struct FileStamp: Sendable, Hashable {
    var size: Int64
    /// Nanoseconds since 1970.
    var modified: Int64
    var inode: UInt64

    init(size: Int64, modified: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = info.st_mtim.nanoseconds
        inode = UInt64(info.st_ino)
    }

    /// The stamp of an open file.
    static func of(descriptor: Int32) -> FileStamp? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return FileStamp(info)
    }
}

extension timespec {
    /// The time as nanoseconds since 1970, as every stamp of portal-gen keeps it.
    var nanoseconds: Int64 { Int64(tv_sec) * 1_000_000_000 + Int64(tv_nsec) }
}

extension ParseCache.Stamp {
    /// The stamp of a content file as `stat` gives it.
    init(_ info: stat) {
        self.init(size: Int64(info.st_size), modified: info.st_mtim.nanoseconds, changed: info.st_ctim.nanoseconds, inode: UInt64(info.st_ino))
    }
}
