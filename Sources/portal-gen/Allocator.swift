import Foundation

/// Process-wide tuning of the C allocator, which only the process that owns it should do.
enum Allocator {
    /// glibc raises its mmap threshold whenever a large block is freed; after that, large
    /// short-lived buffers (rendered pages, pieces of the data files) stay in the heap instead of
    /// going back to the system. Fixing the threshold (`M_MMAP_THRESHOLD`, which also stops the
    /// raising) keeps them out: 5–10 % less peak memory for a large build. `mallopt` is
    /// looked up at run time because Swift's Glibc module does not export `malloc.h`; elsewhere
    /// this does nothing.
    static func fixMmapThreshold(bytes: Int32 = 4 * 1024 * 1024) {
        #if os(Linux)
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in glibc's malloc.h
            guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, bytes)
        #endif
    }
}
