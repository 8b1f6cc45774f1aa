/// Deterministic random texts for property tests: each is up to 15 pieces drawn from `pieces`
/// by a fixed-seed generator, so a failure names a text that the next run produces again.
public func randomTexts(from pieces: [String], count: Int, seed: UInt64) -> [String] {
    var state = seed
    func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
    return (0..<count).map { _ in
        (0..<Int(next() >> 60)).map { _ in pieces[Int(next() >> 33) % pieces.count] }.joined()
    }
}
