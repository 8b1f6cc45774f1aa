import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the output folder holds now: every plain file with its stamp, every folder with its
/// stamp, and every entry that a build never writes there (a symbolic link, a device, a file whose
/// name is not UTF-8).
///
/// Read at the start of every build, including one that finds nothing changed, so that a file
/// deleted, edited or added by hand since the last build is put right by the next one. Links are
/// listed, never followed. Given the last build's manifest, a folder whose stamp is as recorded
/// cannot have gained or lost an entry (a folder's time changes with every entry made, renamed or
/// removed in it): it is not listed again, only the recorded files in it are looked at, by path —
/// a stat per file and per folder instead of opening eleven thousand folders.
struct OutputTree: Sendable {
    /// Path relative to the output folder → stamp.
    var files: [String: FileStamp] = [:]
    /// Real folders found (the root excepted) → stamp.
    var folders: [String: FileStamp] = [:]
    /// Entries that are neither plain files nor folders, relative to the output folder.
    var strays: [String] = []

    /// portal-gen's own records, which the manifest does not list: the manifest itself and the parse cache.
    static let records: Set<String> = [BuildManifest.fileName, ParseCache.fileName]

    /// Scans `root`. With `expected` (the last build's manifest), folders whose stamp is as recorded
    /// are not listed again; the root folder always is.
    static func scan(_ root: String, expecting expected: BuildManifest? = nil) async -> OutputTree {
        let top = list(root, prefix: "")
        var tree = top.tree
        tree.files = tree.files.filter { !records.contains($0.key) }
        guard let expected, let folder = try? ContainedFolder(root) else {
            let parts = await top.folders.concurrentMap { name in list(root + "/" + name, prefix: name + "/", recursive: true).tree }
            for part in parts { tree.merge(part) }
            tree.strays.sort()
            return tree
        }
        // Folders as recorded, parents first ("a" sorts before "a/b"); one that is not is listed whole.
        var trusted: Set<String> = []
        var toList: [String] = []
        let present = Set(top.folders)
        for name in top.folders where expected.folders[name] == nil { toList.append(name) }
        for path in expected.folders.keys.sorted() {
            let parent = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) }
            if let parent {
                guard trusted.contains(parent) else { continue }  // inside a folder that is listed, or gone
            } else if !present.contains(path) {
                continue
            }
            var info = stat()
            let exists = fstatat(folder.descriptor, path, &info, AT_SYMLINK_NOFOLLOW) == 0
            // A folder changed just before its stamp was taken may have changed again since without its time moving.
            let stamp = FileStamp(info)
            let settled =
                stamp.modified < expected.recorded - ContentLoader.Snapshot.racyWindow(modified: stamp.modified, changed: info.st_ctim.nanoseconds)
            if exists, info.st_mode & S_IFMT == S_IFDIR, settled, FileStamp(info) == expected.folders[path] {
                trusted.insert(path)
                tree.folders[path] = FileStamp(info)
            } else if exists {
                // Changed (listed whole), or a link or file where the folder was (a stray).
                if info.st_mode & S_IFMT == S_IFDIR { toList.append(path) } else { tree.strays.append(path) }
            }
        }
        // The recorded files of folders as recorded, looked at by path on all cores.
        let paths = expected.files.keys.filter { path in
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return false }
            return trusted.contains(String(path[..<slash]))
        }
        let chunk = max(1, (paths.count + 7) / 8)
        let stamped = await stride(from: 0, to: paths.count, by: chunk).map { Array(paths[$0..<min($0 + chunk, paths.count)]) }
            .concurrentMap { part -> [(String, FileStamp)] in
                part.compactMap { path in
                    var info = stat()
                    guard fstatat(folder.descriptor, path, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
                    return (path, FileStamp(info))
                }
            }
        for part in stamped { for (path, stamp) in part { tree.files[path] = stamp } }
        let parts = await toList.concurrentMap { path in
            var part = list(root + "/" + path, prefix: path + "/", recursive: true).tree
            var info = stat()
            if fstatat(folder.descriptor, path, &info, AT_SYMLINK_NOFOLLOW) == 0 { part.folders[path] = FileStamp(info) }
            return part
        }
        for part in parts { tree.merge(part) }
        tree.strays.sort()
        return tree
    }

    /// The stamps of `paths` (folders relative to the open folder `root`).
    static func folderStamps(in root: ContainedFolder, _ paths: some Sequence<String>) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for path in paths {
            var info = stat()
            if fstatat(root.descriptor, path, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFDIR { stamps[path] = FileStamp(info) }
        }
        return stamps
    }

    /// The folders that hold `paths`, all the way up (`2024/a/index.html` → `2024/a`, `2024`).
    static func folders(of paths: some Sequence<String>) -> Set<String> {
        var folders: Set<String> = []
        for path in paths {
            var end = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            while let slash = end {
                let folder = String(path[..<slash])
                guard folders.insert(folder).inserted else { break }
                end = folder.utf8.lastIndex(of: UInt8(ascii: "/"))
            }
        }
        return folders
    }

    private mutating func merge(_ part: OutputTree) {
        files.merge(part.files) { first, _ in first }
        folders.merge(part.folders) { first, _ in first }
        strays += part.strays
    }

    /// The entries of one folder (and, when `recursive`, of every folder under it).
    private static func list(_ folder: String, prefix: String, recursive: Bool = false) -> (tree: OutputTree, folders: [String]) {
        var tree = OutputTree()
        var folders: [String] = []
        var pending = [(folder, prefix)]
        while let (path, prefix) = pending.popLast() {
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else {
                // Replaced by a link or a file since it was listed: list it as a stray.
                if !prefix.isEmpty { tree.strays.append(String(prefix.dropLast())) }
                continue
            }
            guard let directory = fdopendir(descriptor) else {
                close(descriptor)
                continue
            }
            defer { closedir(directory) }
            while let item = readdir(directory) {
                let name = withUnsafePointer(to: item.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) {
                        String(validating: UnsafeRawBufferPointer(start: $0, count: strlen($0)), as: UTF8.self)
                    }
                }
                guard let name else {
                    // Not UTF-8: named by a line break, which no site path has, so that its folder is swept.
                    tree.strays.append(prefix + "\n")
                    continue
                }
                if name == "." || name == ".." { continue }
                let relative = prefix + name
                var info = stat()
                guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    tree.strays.append(relative)
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFREG: tree.files[relative] = FileStamp(info)
                case S_IFDIR:
                    if recursive {
                        tree.folders[relative] = FileStamp(info)
                        pending.append((path + "/" + name, relative + "/"))
                    } else {
                        folders.append(relative)
                    }
                default: tree.strays.append(relative)
                }
            }
        }
        return (tree, folders)
    }
}
