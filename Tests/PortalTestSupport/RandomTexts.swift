/// Deterministic random texts for property tests: each is up to 15 pieces drawn from `pieces`
/// by a fixed-seed generator, so a failure names a text that the next run produces again.
public func randomTexts(from pieces: [String], count: Int, seed: UInt64) -> [String] {
    var state = seed
    func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
    return (0..<count).map { _ in
        (0..<Int(next() >> 60)).map { _ in pieces[Int(next() >> 33) % pieces.count] }.joined()
    }
}
