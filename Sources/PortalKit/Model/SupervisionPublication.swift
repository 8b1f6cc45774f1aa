/// Where the supervision page (公开年报情况总览) goes: the `supervision` setting of portal.yml.
public enum SupervisionPublication: String, Sendable, Hashable, CaseIterable {
    /// In the public site, linked from the home page (the default).
    case `public`
    /// Not in the public site: written only into the office folder given to `build --office`,
    /// outside the output folder, for the supervising office.
    case office
    /// Not made at all.
    case none
}
