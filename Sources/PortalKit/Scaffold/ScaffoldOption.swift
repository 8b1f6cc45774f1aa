/// A command-line option of `portal-gen init` or `portal-gen new` that a message can name as
/// missing; the catalog says what each one is.
public enum ScaffoldOption: String, Sendable, Hashable, Codable, CaseIterable {
    case county
    case hostOrgan = "host-organ"
    case contact
    /// `init --township`: the county's townships, one option each, in order.
    case townships
    /// `new --township`: the township the report is for.
    case township
    case year

    /// The option as it is typed (`--host-organ`).
    var flag: String {
        switch self {
        case .townships, .township: "--township"
        default: "--" + rawValue
        }
    }
}
