import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// For tests: makes a build fail or die at a chosen point of writing the site, as a full disk or a
/// power cut would, so that every such point can be tried in turn. Passed in (`SiteBuilder.Options`);
/// a build without one never consults it.
public final class FaultPlan: Sendable {
    /// Where the points are: staging files, or making the staged site the output.
    public enum Phase: String, Sendable {
        case stage
        case commit
    }

    public enum Action: Sendable, Equatable {
        /// The process is killed (SIGKILL): nothing more runs, nothing is cleaned up.
        case kill
        /// The operation fails with this error number (for example `ENOSPC`).
        case fail(Int32)
    }

    public let phase: Phase
    /// The point, counted from 0 in the order the build reaches them, at which `action` happens.
    public let index: Int
    public let action: Action
    private let reached = Mutex<[String]>([])

    public init(phase: Phase, index: Int, action: Action) {
        self.phase = phase
        self.index = index
        self.action = action
    }

    /// Parses `phase:index:kill` or `phase:index:enospc` (the command line's hidden `--fault`).
    public convenience init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 3, let phase = Phase(rawValue: String(parts[0])), let index = Int(parts[1]), index >= 0 else { return nil }
        switch parts[2] {
        case "kill": self.init(phase: phase, index: index, action: .kill)
        case "enospc": self.init(phase: phase, index: index, action: .fail(ENOSPC))
        case "eio": self.init(phase: phase, index: index, action: .fail(EIO))
        default: return nil
        }
    }

    /// The points of the plan's phase reached so far, in order.
    public var pointsReached: [String] { reached.withLock { $0 } }

    /// Called at each point of the writer; acts when it is the chosen one.
    func reach(_ phase: Phase, _ point: @autoclosure () -> String) throws(SystemError) {
        guard phase == self.phase else { return }
        let name = point()
        let count = reached.withLock { points in
            points.append(name)
            return points.count - 1
        }
        guard count == index else { return }
        switch action {
        case .kill: kill(getpid(), SIGKILL)
        case .fail(let code): throw SystemError(name, code: code)
        }
    }
}
