import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder opened once, in which every operation is made relative to its descriptor, one path
/// component at a time, never following a symbolic link: nothing done through it can reach a file
/// outside the folder, whatever links or files someone has placed inside it.
///
/// A link found where a folder must be is removed (as a link: what it points to is not touched)
/// when the operation creates folders, and makes the operation stop otherwise.
final class ContainedFolder: @unchecked Sendable {
    /// Immutable after `init` and used only through system calls, which may run on any thread.
    let descriptor: Int32
    let path: String

    init(_ path: String) throws(SystemError) {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError("打开文件夹 \(path)") }
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// The folder holding an entry, opened by descriptor, and the entry's name in it.
    private struct Parent: ~Copyable {
        let descriptor: Int32
        let owned: Bool
        let name: String
        deinit { if owned { close(descriptor) } }
    }

    /// Opens the folder that holds `path`'s last component. With `create`, missing folders are made
    /// and a link or file standing where a folder must be is removed first; without it, nil when a
    /// folder on the way is missing or is not a real folder (then nothing of `path` is in here).
    private func parent(of path: SafePath, create: Bool) throws(SystemError) -> Parent? {
        var components = path.components
        let name = String(components.removeLast())
        guard let folder = try open(components, create: create, shown: path.value) else { return nil }
        return Parent(descriptor: folder.descriptor, owned: folder.owned, name: name)
    }

    /// Opens the folder reached by `components` from this one, one component at a time (see
    /// `parent(of:create:)`); `owned` tells whether the descriptor is a new one, to be closed.
    private func open(_ components: [Substring], create: Bool, shown: String) throws(SystemError) -> (descriptor: Int32, owned: Bool)? {
        var current = descriptor
        var owned = false
        func release() { if owned { close(current) } }
        for component in components {
            let text = String(component)
            var next = openat(current, text, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 {
                let code = errno
                guard create else {
                    release()
                    if code == ENOENT || code == ELOOP || code == ENOTDIR { return nil }
                    throw SystemError("打开 \(self.path)/\(shown)", code: code)
                }
                defer { if next < 0 { release() } }
                if code == ELOOP || code == ENOTDIR {
                    // A link or a file where a folder of the site belongs: remove it, never follow it.
                    guard unlinkat(current, text, 0) == 0 else { throw SystemError("删除 \(self.path)/\(shown) 路径上的链接") }
                } else if code != ENOENT {
                    throw SystemError("打开 \(self.path)/\(shown)", code: code)
                }
                guard mkdirat(current, text, 0o755) == 0 || errno == EEXIST else { throw SystemError("创建文件夹 \(self.path)/\(shown)") }
                next = openat(current, text, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard next >= 0 else { throw SystemError("打开 \(self.path)/\(shown)") }
            }
            release()
            current = next
            owned = true
        }
        return (current, owned)
    }

    /// Moves `path` from `source` to the same place here, replacing what is there (a file is
    /// replaced atomically; a folder or link in the way is removed first). A missing source is
    /// not an error: replaying a journal repeats moves that were already made.
    func moveIn(_ path: SafePath, from source: ContainedFolder) throws(SystemError) {
        guard let from = try source.parent(of: path, create: false) else { return }
        guard let to = try parent(of: path, create: true) else { return }
        if renameat(from.descriptor, from.name, to.descriptor, to.name) == 0 { return }
        let code = errno
        if code == ENOENT {
            var info = stat()
            if fstatat(from.descriptor, from.name, &info, AT_SYMLINK_NOFOLLOW) != 0 { return }
        }
        guard code == EISDIR || code == ENOTEMPTY || code == EEXIST else { throw SystemError("移入 \(self.path)/\(path)", code: code) }
        try Self.removeEntry(to.name, in: to.descriptor, shown: "\(self.path)/\(path)")
        guard renameat(from.descriptor, from.name, to.descriptor, to.name) == 0 else { throw SystemError("移入 \(self.path)/\(path)") }
    }

    /// Makes `path` here a hard link to the same file in `source` (for a staged copy of the site
    /// that shares its unchanged files with the published one).
    func link(_ path: SafePath, from source: ContainedFolder) throws(SystemError) {
        guard let from = try source.parent(of: path, create: false) else { throw SystemError("链接 \(source.path)/\(path)", code: ENOENT) }
        guard let to = try parent(of: path, create: true) else { return }
        guard linkat(from.descriptor, from.name, to.descriptor, to.name, 0) == 0 else { throw SystemError("链接 \(self.path)/\(path)") }
    }

    /// Removes the entry at `path` (a file, a link as a link, or a folder with everything in it),
    /// then the folders its removal left empty. Nothing is done when it is not here.
    func remove(_ path: SafePath) throws(SystemError) {
        guard let at = try parent(of: path, create: false) else { return }
        try Self.removeEntry(at.name, in: at.descriptor, shown: "\(self.path)/\(path)")
        var components = path.components
        components.removeLast()
        while !components.isEmpty, let folder = SafePath(components.joined(separator: "/")),
            let holder = try parent(of: folder, create: false)
        {
            guard unlinkat(holder.descriptor, holder.name, AT_REMOVEDIR) == 0 else { break }
            components.removeLast()
        }
    }

    /// Removes from the folder at `folder` (this folder when nil) every entry whose name no site
    /// path can have — not UTF-8, a control character, `.`-only, or making the path too long —
    /// by the bytes the folder holds, never following a link. Nothing when the folder is not here.
    func sweep(_ folder: SafePath?) throws(SystemError) {
        let shown = folder?.value ?? "."
        guard let opened = try open(folder?.components ?? [], create: false, shown: shown) else { return }
        let target = Parent(descriptor: opened.descriptor, owned: opened.owned, name: "")
        let listed = dup(target.descriptor)
        guard listed >= 0, let listing = fdopendir(listed) else {
            if listed >= 0 { close(listed) }
            throw SystemError("打开 \(path)/\(shown)")
        }
        defer { closedir(listing) }
        let prefix = folder.map { $0.value + "/" } ?? ""
        let unsafe = Self.names(in: listing).filter { name in
            guard let text = String(validating: name.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self) else { return true }
            return SafePath(prefix + text) == nil
        }
        for name in unsafe { try Self.removeEntry(name, in: target.descriptor, shown: "\(path)/\(prefix)…") }
    }

    /// The names in a folder being listed (`.` and `..` left out), as the bytes the folder holds,
    /// NUL-terminated: a name that is not UTF-8 can still be removed.
    private static func names(in listing: OpaquePointer) -> [[CChar]] {
        var names: [[CChar]] = []
        while let entry = readdir(listing) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { Array(UnsafeBufferPointer(start: $0, count: strlen($0) + 1)) }
            }
            if name != [0x2E, 0] && name != [0x2E, 0x2E, 0] { names.append(name) }
        }
        return names
    }

    /// Creates an empty file `name` directly in this folder (nothing when it exists).
    func createFile(_ name: String) throws(SystemError) {
        let file = openat(descriptor, name, O_CREAT | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw SystemError("创建 \(path)/\(name)") }
        close(file)
    }

    /// The stamp of the plain file at `path`, nil when there is none (or a link stands there).
    func stamp(of path: SafePath) -> FileStamp? {
        guard let at = try? parent(of: path, create: false) else { return nil }
        var info = stat()
        guard fstatat(at.descriptor, at.name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// Opens the plain file at `path` for reading, never following a link on the way or at the end;
    /// nil when it is not here (a folder on the way missing, or a link standing for one).
    func openForReading(_ path: SafePath) throws(SystemError) -> Int32? {
        guard let at = try parent(of: path, create: false) else { return nil }
        let file = openat(at.descriptor, at.name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard file >= 0 else {
            if errno == ENOENT || errno == ELOOP { return nil }
            throw SystemError("打开 \(self.path)/\(path)")
        }
        return file
    }

    /// Removes one entry of an open folder; a folder is emptied first, depth first, by descriptor.
    static func removeEntry(_ name: String, in folder: Int32, shown: String) throws(SystemError) {
        try removeEntry(Array(name.utf8CString), in: folder, shown: shown)
    }

    /// Names are kept as the bytes the directory holds: a name that is not UTF-8 is removed too.
    private static func removeEntry(_ name: [CChar], in folder: Int32, shown: String) throws(SystemError) {
        if unlinkat(folder, name, 0) == 0 || errno == ENOENT { return }
        guard errno == EISDIR || errno == EPERM else { throw SystemError("删除 \(shown)") }
        let inner = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard inner >= 0 else { throw SystemError("删除 \(shown)") }
        guard let listing = fdopendir(inner) else {
            close(inner)
            throw SystemError("删除 \(shown)")
        }
        defer { closedir(listing) }
        for entryName in names(in: listing) {
            try removeEntry(
                entryName, in: dirfd(listing), shown: shown + "/" + String(decoding: entryName.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        guard unlinkat(folder, name, AT_REMOVEDIR) == 0 || errno == ENOENT else { throw SystemError("删除 \(shown)") }
    }

    /// Removes the entry `name` of this folder with everything in it, never following a link.
    func removeEntry(_ name: String) throws(SystemError) {
        try Self.removeEntry(name, in: descriptor, shown: "\(path)/\(name)")
    }
}
