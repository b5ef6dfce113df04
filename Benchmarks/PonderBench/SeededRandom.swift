/// A small deterministic generator (a 64-bit LCG), so every run of a bench works on the same data.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next raw value; its high bits are the random ones.
    mutating func nextRaw() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }

    /// A value in 0..<bound.
    mutating func next(_ bound: Int) -> Int { Int((nextRaw() >> 33) % UInt64(bound)) }
}
