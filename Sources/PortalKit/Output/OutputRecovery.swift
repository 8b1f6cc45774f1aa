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
    /// Whether a build into `output` is committing, or was killed while it did, so that the next
    /// build with the lock has work here: a journal, a staging folder or a moved-aside site (or a
    /// link at one of those names) beside the output folder.
    static func isPending(_ output: URL) -> Bool {
        if access(CommitJournal.path(of: output), F_OK) == 0 { return true }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
        return entries.contains { isLeftover($0, of: output) }
    }

    /// Whether `name` beside `output` is one portal-gen leaves while committing.
    private static func isLeftover(_ name: String, of output: URL) -> Bool {
        CommitJournal.isStagingName(name, output: output) || name.hasPrefix(".\(output.lastPathComponent).old-")
    }

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
                notices.append(.warning(.recordIgnored(record: .journal, path: displayPath(URL(fileURLWithPath: journalPath)), problem: why.problem), at: nil))
                try published?.remove(SafePath(BuildManifest.fileName)!)
                guard unlink(journalPath) == 0 || errno == ENOENT else { throw SystemError("删除 \(journalPath)") }
            }
        }
        if unlink(journalPath + ".new") != 0 && errno != ENOENT { throw SystemError("删除 \(journalPath).new") }

        let name = output.lastPathComponent
        let entries = (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        let staged = entries.filter { CommitJournal.isStagingName($0, output: output) }
        let old = entries.filter {
            $0.hasPrefix(".\(name).old-") && type(parent.path + "/" + $0) == S_IFDIR
                && type(parent.path + "/" + $0 + "/" + OutputWriter.marker) == S_IFREG
        }
        if !fm.fileExists(atPath: output.path),
            let newest = old.max(by: { (entry(parent.path + "/" + $0)?.st_mtim.nanoseconds ?? 0) < (entry(parent.path + "/" + $1)?.st_mtim.nanoseconds ?? 0) })
        {
            guard renameat(parent.descriptor, newest, parent.descriptor, name) == 0 else { throw SystemError("恢复 \(output.path)") }
        }
        // A link at a moved-aside site's name is no site of ours: removed as a link, like staging leftovers.
        let linked = entries.filter { $0.hasPrefix(".\(name).old-") && type(parent.path + "/" + $0) == S_IFLNK }
        for entry in staged + old + linked where Self.entry(parent.path + "/" + entry) != nil {
            try parent.removeEntry(entry)
        }
    }

    /// The entry at `path` itself (a link's own type and time), nil when there is none.
    private static func entry(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    private static func type(_ path: String) -> mode_t? { entry(path).map { $0.st_mode & S_IFMT } }
}
