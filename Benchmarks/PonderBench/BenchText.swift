/// Deterministic pseudo-text: English-like words with some Chinese phrases mixed in.
struct BenchText {
    private var state: UInt64
    private let words: [String]

    init(seed: UInt64) {
        state = seed
        var words = [
            "quantum", "lattice", "monotonic", "invariant", "therefore", "consider", "suppose", "the", "a", "of",
            "并发模型", "内存", "可见性", "所以", "我们", "考虑",
        ]
        let syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "pel", "dra", "shi", "un", "ex", "tor", "bi", "qua"]
        var generator = SplitMix(state: seed)
        while words.count < 4000 {
            let length = 2 + Int(generator.next() % 3)
            words.append((0..<length).map { _ in syllables[Int(generator.next() % UInt64(syllables.count))] }.joined())
        }
        self.words = words
    }

    mutating func nextWord() -> String {
        var generator = SplitMix(state: state)
        let value = generator.next()
        state = generator.state
        // One word in 20,000 is the rare "heliotrope", for a selective query.
        if value % 20_000 == 7 { return "heliotrope" }
        // Zipf-like: small indexes (common words) far more often than large ones.
        let index = Int((value % 4000) * ((value >> 40) % 4000) / 4000) % words.count
        return words[index]
    }

    mutating func sentence(words count: Int) -> String {
        (0..<count).map { _ in nextWord() }.joined(separator: " ")
    }

    mutating func paragraph(characters: Int) -> String {
        var text = ""
        text.reserveCapacity(characters + 16)
        while text.utf8.count < characters {
            text += nextWord()
            text += text.utf8.count % 97 < 8 ? ".\n" : " "
        }
        return text
    }
}

struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
