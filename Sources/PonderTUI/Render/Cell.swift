/// One cell of a frame: a grapheme cluster, its style and its display width. A wide glyph
/// occupies its own cell (width 2) and the next one, a continuation cell (width 0) that holds
/// no text of its own.
///
/// The cluster is kept as at most five Unicode scalars packed 21 bits each into two words —
/// what a terminal cell holds (ncurses keeps one spacing character and four combining ones) —
/// so a cell is plain bits: frames fill, copy, compare and free whole rows without reference
/// counting. Scalars past the fifth are dropped, as the terminal would drop them.
public struct Cell: Hashable, Sendable {
    /// Scalars 0–2 of the cluster, 21 bits each from bit 0; an unused slot is 0.
    private var low: UInt64
    /// Scalars 3–4, 21 bits each from bit 0.
    private var high: UInt64
    public var style: Style
    /// 1 or 2 for a glyph, 0 for the trailing half of a wide glyph.
    public var width: UInt8

    /// The most scalars a cell keeps of one cluster.
    public static let scalarCapacity = 5

    public init(grapheme: Character, style: Style = .plain, width: UInt8 = 1) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var slot = 0
        for scalar in grapheme.unicodeScalars {
            let value = UInt64(scalar.value)
            if slot < 3 {
                low |= value << (21 * slot)
            } else {
                high |= value << (21 * (slot - 3))
            }
            slot += 1
            if slot == Self.scalarCapacity { break }
        }
        self.low = low
        self.high = high
        self.style = style
        self.width = width
    }

    /// A cell of one printable ASCII byte, width 1.
    init(ascii byte: UInt8, style: Style) {
        self.low = UInt64(byte)
        self.high = 0
        self.style = style
        self.width = 1
    }

    public static let blank = Cell(grapheme: " ")

    public var isContinuation: Bool { width == 0 }

    /// The cluster's scalars, at most `scalarCapacity`.
    public var scalarCount: Int {
        var count = 0
        while count < Self.scalarCapacity, scalarValue(at: count) != 0 { count += 1 }
        return count
    }

    /// The value of scalar `index` (0 past the last one).
    public func scalarValue(at index: Int) -> UInt32 {
        let word = index < 3 ? low >> (21 * index) : high >> (21 * (index - 3))
        return UInt32(truncatingIfNeeded: word & 0x1F_FFFF)
    }

    /// The cluster as text.
    public var grapheme: Character {
        if high == 0, low < 0x80 { return Character(Unicode.Scalar(UInt8(truncatingIfNeeded: low))) }
        var text = String.UnicodeScalarView()
        for index in 0..<scalarCount {
            if let scalar = Unicode.Scalar(scalarValue(at: index)) { text.append(scalar) }
        }
        return String(text).first ?? " "
    }

    static func continuation(style: Style) -> Cell { Cell(grapheme: " ", style: style, width: 0) }
}
