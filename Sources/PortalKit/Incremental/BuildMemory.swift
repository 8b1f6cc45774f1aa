import Foundation
import Synchronization

/// The records the last build left in the output folder (manifest, parse cache), decoded ahead of
/// the next build by a process that builds again and again: the preview decodes them while it
/// waits for the next save, not while a reader waits for the page.
///
/// Nothing is trusted from memory alone: a remembered record is used only when the file's bytes
/// are exactly the bytes it was decoded from, so the build is the same as one that reads them.
public final class BuildMemory: Sendable {
    struct Records: Sendable {
        var manifest: (bytes: [UInt8], manifest: BuildManifest)?
        var cache: (body: ArraySlice<UInt8>, scope: String, cache: ParseCache)?
    }

    private let pending = Mutex<Task<Records, Never>?>(nil)

    public init() {}

    /// Starts reading and decoding the records a build left in the output folder, in the
    /// background (after the pages have been told of the build, so it never delays them).
    func remember(_ options: SiteBuilder.Options) {
        let output = options.output.standardizedFileURL.resolvingSymlinksInPath()
        let scope = ContentLoader(root: options.content, displayBase: options.displayBase).cacheScope
        let task = Task.detached(priority: .utility) { () -> Records in
            var records = Records()
            if let read = BuildManifest.read(from: output), case .success(let manifest) = read.manifest {
                records.manifest = (read.bytes, manifest)
            }
            if case .success(let body)? = RecordFile.read(output.appendingPathComponent(ParseCache.fileName).path, as: .parseCache),
                case .success(let cache)? = await ParseCache.decode(body, scope: scope)
            {
                records.cache = (body, scope, cache)
            }
            return records
        }
        pending.withLock { $0 = task }
    }

    /// The remembered manifest when `bytes` are those it was decoded from.
    func manifest(matching bytes: [UInt8]) async -> BuildManifest? {
        guard let task = pending.withLock({ $0 }), let remembered = await task.value.manifest, remembered.bytes == bytes else { return nil }
        return remembered.manifest
    }

    /// The remembered parse cache when `body` is the one it was decoded from, for `scope`.
    func cache(matching body: ArraySlice<UInt8>, scope: String) async -> ParseCache? {
        guard let task = pending.withLock({ $0 }), let remembered = await task.value.cache, remembered.scope == scope, remembered.body == body else {
            return nil
        }
        return remembered.cache
    }
}
