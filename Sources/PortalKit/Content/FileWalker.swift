import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Lists files under a folder with `readdir` and `lstat`: every build walks the whole content
/// folder, and this is several times faster than Foundation's enumerator with resource values.
///
/// Hidden entries (starting with `.`) are skipped; symbolic links (to files or folders) are
/// reported, never followed; a folder that cannot be opened is reported with the system's reason.
enum FileWalker {
    struct Entry: Sendable {
        var path: String
        var size: Int64
        var modified: Int64
        /// The inode's change time (set by the system on every write or rename; no tool sets it back).
        var changed: Int64 = 0
        var inode: UInt64 = 0
        var isSymbolicLink: Bool
        /// The name is not valid UTF-8 (e.g. a GBK file name): it cannot be read reliably.
        var undecodableName = false
        /// A folder that could not be opened, with the error number.
        var openError: Int32?
    }

    /// Files with the extension `wanted` and links, and (when `others` is not empty) the plain files
    /// with one of the extensions `others`.
    static func walk(_ root: String, extension wanted: String, others: [String] = []) -> [Entry] {
        func isWanted(_ name: String) -> Bool {
            Self.name(name, hasExtension: wanted) || (!others.isEmpty && others.contains { Self.name(name, hasExtension: $0) })
        }
        var entries: [Entry] = []
        var pending = [root]
        while let folder = pending.popLast() {
            guard let directory = opendir(folder) else {
                entries.append(Entry(path: folder, size: 0, modified: 0, isSymbolicLink: false, openError: errno))
                continue
            }
            defer { closedir(directory) }
            while let item = readdir(directory) {
                let name = withUnsafePointer(to: item.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let path = folder + "/" + name
                if name.unicodeScalars.contains("\u{FFFD}") {
                    entries.append(Entry(path: path, size: 0, modified: 0, isSymbolicLink: false, undecodableName: true))
                    continue
                }
                // The directory entry tells folders from files: only files with the wanted
                // extension are stat'ed, relative to the open folder (no path lookup from the root).
                let kind = item.pointee.d_type
                if kind == UInt8(DT_DIR) {
                    pending.append(path)
                    continue
                }
                guard kind == UInt8(DT_UNKNOWN) || kind == UInt8(DT_LNK) || isWanted(name) else { continue }
                var info = stat()
                guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                let type = info.st_mode & S_IFMT
                if type == S_IFDIR {
                    pending.append(path)
                } else if type == S_IFLNK || (type == S_IFREG && isWanted(name)) {
                    entries.append(
                        Entry(
                            path: path, size: Int64(info.st_size),
                            modified: info.st_mtim.nanoseconds, changed: info.st_ctim.nanoseconds,
                            inode: UInt64(info.st_ino), isSymbolicLink: type == S_IFLNK))
                }
            }
        }
        return entries.sorted { $0.path < $1.path }
    }

    /// Whether the text after the last `.` of `name` is `wanted` (lowercase), in any case: `a.md`, `b.MD`.
    /// On bytes: every file of the content folder is tested on every build.
    static func name(_ name: String, hasExtension wanted: String) -> Bool {
        let bytes = name.utf8
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let suffix = bytes[bytes.index(after: dot)...]
        return suffix.count == wanted.utf8.count
            && zip(suffix, wanted.utf8).allSatisfy { byte, expected in
                (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte) == expected
            }
    }
}

extension FileWalker.Entry {
    var stamp: ParseCache.Stamp { ParseCache.Stamp(size: size, modified: modified, changed: changed, inode: inode) }
}
