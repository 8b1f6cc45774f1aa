import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Puts the output folder right after a build that was killed or failed while committing. Runs
/// under the output's lock, before anything else, so none of what it finds belongs to a running build.
///
/// A journal is carried out to the end; one that cannot be trusted is dropped together with the
/// output folder's manifest, so that the build that follows rebuilds the whole site. A site moved
/// aside by a killed exchange is put back; staging folders of killed builds are removed.
enum OutputRecovery {
    static func run(
        output: URL, parent: ContainedFolder, faults: FaultPlan?, notices: inout [Diagnostic],
        displayPath: (URL) -> String
    ) throws(SystemError) {
        let fm = FileManager.default
        let journalPath = CommitJournal.path(of: output)
        if let read = RecordFile.read(journalPath, as: .journal) {
            var journal: CommitJournal?
            var why = RecordFile.Rejection.damaged
            switch read {
            case .success(let body): journal = CommitJournal(body: body, output: output)
            case .failure(let rejection): why = rejection
            }
            let published = fm.fileExists(atPath: output.path) ? try ContainedFolder(output.path) : nil
            if let journal, let published {
                try journal.carryOut(output: published, parent: parent, journalPath: journalPath, faults: nil)
            } else {
                notices.append(.warning("上次中断的构建留下的记录 `\(displayPath(URL(fileURLWithPath: journalPath)))` \(why.reason)，已忽略：本次从内容完整重建网站", at: nil))
                try published?.remove(SafePath(BuildManifest.fileName)!)
                guard unlink(journalPath) == 0 || errno == ENOENT else { throw SystemError("删除 \(journalPath)") }
            }
        }
        if unlink(journalPath + ".new") != 0 && errno != ENOENT { throw SystemError("删除 \(journalPath).new") }

        let name = output.lastPathComponent
        let entries = (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        let staged = entries.filter { CommitJournal.isStagingName($0, output: output) }
        let old = entries.filter {
            $0.hasPrefix(".\(name).old-") && isPlainFolder(parent.path + "/" + $0, file: false)
                && isPlainFolder(parent.path + "/" + $0 + "/" + OutputWriter.marker, file: true)
        }
        if !fm.fileExists(atPath: output.path),
            let newest = old.max(by: { modified(parent.path + "/" + $0) < modified(parent.path + "/" + $1) })
        {
            guard renameat(parent.descriptor, newest, parent.descriptor, name) == 0 else { throw SystemError("恢复 \(output.path)") }
        }
        // A link at a moved-aside site's name is no site of ours: removed as a link, like staging leftovers.
        let linked = entries.filter { $0.hasPrefix(".\(name).old-") && isLink(parent.path + "/" + $0) }
        for entry in staged + old + linked where exists(parent.path + "/" + entry) {
            try parent.removeEntry(entry)
        }
    }

    private static func isPlainFolder(_ path: String, file: Bool) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == (file ? S_IFREG : S_IFDIR)
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Whether there is an entry at `path` (a dangling link included).
    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private static func modified(_ path: String) -> Int64 {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
