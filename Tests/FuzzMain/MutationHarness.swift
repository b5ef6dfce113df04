import PonderFuzzTargets
import TestSupport

/// The seeded mutation harness: starts from a target's seeds, mutates them (bit flips, byte
/// changes, insertions and deletions, dictionary words, splices of two inputs) and runs the target
/// on each result. Without coverage feedback it explores less deeply than libFuzzer, but it runs
/// in every build and a seed replays exactly.
struct MutationHarness {
    let target: FuzzTarget
    var generator: SplitMix64
    var pool: [[UInt8]]
    let maximumLength: Int

    init(target: FuzzTarget, seed: UInt64, corpus: [[UInt8]], maximumLength: Int) {
        self.target = target
        generator = SplitMix64(seed: seed)
        pool = target.seeds + corpus
        if pool.isEmpty { pool = [[]] }
        self.maximumLength = maximumLength
    }

    /// One new input.
    mutating func next() -> [UInt8] {
        var input = pool[Int.random(in: 0..<pool.count, using: &generator)]
        for _ in 0..<Int.random(in: 1...4, using: &generator) { mutate(&input) }
        if input.count > maximumLength { input.removeLast(input.count - maximumLength) }
        // Now and then keep a mutant, so mutations pile up on each other.
        if Int.random(in: 0..<16, using: &generator) == 0 {
            if pool.count < 512 {
                pool.append(input)
            } else {
                pool[Int.random(in: target.seeds.count..<pool.count, using: &generator)] = input
            }
        }
        return input
    }

    static let interestingBytes: [UInt8] = [
        0x00, 0x01, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x20, 0x22, 0x5C, 0x7F, 0x80, 0x9B, 0xC0, 0xE2, 0xF0, 0xFF,
    ]

    private mutating func mutate(_ input: inout [UInt8]) {
        let position = { (generator: inout SplitMix64, count: Int) in Int.random(in: 0...count, using: &generator) }
        switch Int.random(in: 0..<10, using: &generator) {
        case 0 where !input.isEmpty:
            let index = Int.random(in: 0..<input.count, using: &generator)
            input[index] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
        case 1 where !input.isEmpty:
            input[Int.random(in: 0..<input.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
        case 2 where !input.isEmpty:
            input[Int.random(in: 0..<input.count, using: &generator)] = Self.interestingBytes.randomElement(
                using: &generator)!
        case 3:
            let bytes = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            input.insert(contentsOf: bytes, at: position(&generator, input.count))
        case 4 where !input.isEmpty:
            let start = Int.random(in: 0..<input.count, using: &generator)
            input.removeSubrange(start..<min(input.count, start + Int.random(in: 1...16, using: &generator)))
        case 5 where !input.isEmpty:
            let start = Int.random(in: 0..<input.count, using: &generator)
            let piece = input[start..<min(input.count, start + Int.random(in: 1...32, using: &generator))]
            input.insert(contentsOf: piece, at: position(&generator, input.count))
        case 6...7 where !target.dictionary.isEmpty:
            let word = target.dictionary.randomElement(using: &generator)!
            input.insert(contentsOf: word, at: position(&generator, input.count))
        case 8:
            let other = pool.randomElement(using: &generator)!
            let cut = position(&generator, input.count)
            let otherCut = Int.random(in: 0...other.count, using: &generator)
            input = Array(input[..<cut]) + other[otherCut...]
        default:
            if !input.isEmpty { input.removeLast(Int.random(in: 0...min(input.count, 8), using: &generator)) }
        }
    }
}
