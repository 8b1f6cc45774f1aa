extension Message {
    /// The message in Simplified Chinese: what is wrong and how to fix it, in plain words.
    var chinese: String {
        switch self {
        case .unconverted(let words): return words
        // MARK: - Preview (serve)

        // MARK: - Scaffold (init, new)
        }
    }
}
