/// One fuzz target: inputs in, no crash out. `run` checks its invariants with `FuzzTarget.check`,
/// which stops the process (so the harness keeps the input) when one does not hold.
public struct FuzzTarget: Sendable {
    public let name: String
    /// Inputs the mutations start from: typical and tricky examples of the format.
    public let seeds: [[UInt8]]
    /// Byte strings worth inserting while mutating (keywords and delimiters of the format).
    public let dictionary: [[UInt8]]
    public let run: @Sendable ([UInt8]) -> Void

    public init(
        name: String, seeds: [String], dictionary: [String] = [], run: @escaping @Sendable ([UInt8]) -> Void
    ) {
        self.name = name
        self.seeds = seeds.map { Array($0.utf8) }
        self.dictionary = dictionary.map { Array($0.utf8) }
        self.run = run
    }

    /// Stops the process when an invariant does not hold.
    public static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant broken: \(message())") }
    }
}

/// Reads fuzz input as parameters and data: the first bytes choose sizes and split points, the
/// rest is the text under test.
struct FuzzInput {
    private(set) var bytes: ArraySlice<UInt8>

    init(_ bytes: [UInt8]) { self.bytes = bytes[...] }

    /// A number in `range` taken from the next byte (the lower bound when there is none).
    mutating func number(in range: ClosedRange<Int>) -> Int {
        guard let byte = bytes.popFirst() else { return range.lowerBound }
        return range.lowerBound + Int(byte) % (range.count)
    }

    /// Whatever is left.
    var rest: [UInt8] { Array(bytes) }

    /// `data` cut into pieces whose sizes cycle through `1...maximum`, driven by `seed`.
    static func pieces<C: Collection>(of data: C, seed: Int, maximum: Int) -> [C.SubSequence] {
        var pieces: [C.SubSequence] = []
        var start = data.startIndex
        var step = seed
        while start < data.endIndex {
            step = (step &* 31 &+ 7) & 0xFFFF
            let length = 1 + step % max(1, maximum)
            let end = data.index(start, offsetBy: length, limitedBy: data.endIndex) ?? data.endIndex
            pieces.append(data[start..<end])
            start = end
        }
        return pieces
    }
}
