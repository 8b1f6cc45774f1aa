extension Message {
    /// The message in English, for developers and CI logs read abroad.
    var english: String {
        switch self {
        case .unconverted(let words): return words
        // MARK: - Preview (serve)

        // MARK: - Scaffold (init, new)
        }
    }
}
