import Foundation

/// portal-gen's library: everything but the command line.
public enum PortalKit {
    /// The release version, printed by `portal-gen --version` and recorded in generated sites.
    public static let version = "0.1.0"

    /// The version and the running program's size and modification time: what the manifest and the
    /// parse cache are tied to, so a rebuilt portal-gen (even of the same version) never trusts
    /// what an earlier one recorded.
    public static let buildIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return version }
        return "\(version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
