import Synchronization

/// Counts the units of long work (report files read, files imported) as they are done, on any
/// core; the command line reads it to draw a progress line. The stages never print.
public final class ProgressCounter: Sendable {
    private let state = Mutex<(done: Int, total: Int)>((0, 0))

    public init() {}

    /// How many units are done, of how many.
    public var snapshot: (done: Int, total: Int) { state.withLock { $0 } }

    /// Starts a count of `total` units.
    public func start(total: Int) {
        state.withLock { $0 = (0, total) }
    }

    /// Marks `count` more units as done.
    public func advance(by count: Int = 1) {
        state.withLock { $0.done += count }
    }
}
