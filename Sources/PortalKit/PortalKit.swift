/// portal-gen's library: everything but the command line.
public enum PortalKit {
    /// The release version, printed by `portal-gen --version` and recorded in generated sites.
    public static let version = "0.1.0"
}
