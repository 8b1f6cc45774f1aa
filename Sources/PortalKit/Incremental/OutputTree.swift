import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the output folder holds now: every plain file with its stamp, and every entry that a
/// build never writes there (a symbolic link, a device, a file whose name is not UTF-8).
///
/// Read at the start of every build, including one that finds nothing changed, so that a file
/// deleted, edited or added by hand since the last build is put right by the next one. Links are
/// listed, never followed.
struct OutputTree: Sendable {
    /// Path relative to the output folder → stamp.
    var files: [String: FileStamp] = [:]
    /// Entries that are neither plain files nor folders, relative to the output folder.
    var strays: [String] = []

    /// portal-gen's own records, which the manifest does not list: the manifest itself and the parse cache.
    static let records: Set<String> = [BuildManifest.fileName, ParseCache.fileName]

    /// Scans `root`; its top-level folders are read on all cores.
    static func scan(_ root: String) async -> OutputTree {
        let top = list(root, prefix: "")
        var tree = top.tree
        tree.files = tree.files.filter { !records.contains($0.key) }
        let parts = await top.folders.concurrentMap { folder in list(root + "/" + folder, prefix: folder + "/", recursive: true).tree }
        for part in parts {
            tree.files.merge(part.files) { first, _ in first }
            tree.strays += part.strays
        }
        tree.strays.sort()
        return tree
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
                    pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let relative = prefix + name
                var info = stat()
                guard !name.unicodeScalars.contains("\u{FFFD}"), fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    tree.strays.append(relative)
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFREG: tree.files[relative] = FileStamp(info)
                case S_IFDIR:
                    if recursive { pending.append((path + "/" + name, relative + "/")) } else { folders.append(relative) }
                default: tree.strays.append(relative)
                }
            }
        }
        return (tree, folders)
    }
}
