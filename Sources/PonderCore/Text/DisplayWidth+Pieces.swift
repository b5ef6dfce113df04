/// How a grapheme cluster is laid into terminal cells.
///
/// ncurses keeps one spacing character per cell (and drops the rest of a cluster), glibc's
/// `wcwidth` measures scalar by scalar, and terminals disagree about emoji sequences (tmux draws a
/// flag as two 1-column letters and a skin tone as a second 2-column glyph; kitty draws both as one
/// glyph). So a cluster is drawn as pieces every layer agrees on: one spacing scalar followed only
/// by zero-width marks. ZWJs are left out (a terminal would join the next cell's text into the
/// cell), U+FE0F after a narrow scalar is left out (terminals differ on whether it widens it), and
/// emoji modifiers, regional indicators and the members of a ZWJ sequence start pieces of their own.
/// A cluster's width is the sum of its pieces'.
extension DisplayWidth {
    /// One cell's worth of a cluster.
    public struct Piece: Equatable, Sendable {
        public var text: String
        public var width: Int

        public init(_ text: String, width: Int) {
            self.text = text
            self.width = width
        }
    }

    /// The pieces `character` is drawn as, in order (one piece, the cluster itself, when it is
    /// already safe).
    public static func pieces(of character: Character) -> [Piece] {
        var pieces: [Piece] = []
        var text = String.UnicodeScalarView()
        var width = 0
        walk(character.unicodeScalars) { step in
            switch step {
            case .start(let scalar, let scalarWidth):
                if !text.isEmpty { pieces.append(Piece(String(text), width: width)) }
                text = String.UnicodeScalarView([scalar])
                width = scalarWidth
            case .attach(let scalar):
                text.append(scalar)
            }
        }
        if !text.isEmpty { pieces.append(Piece(String(text), width: width)) }
        return pieces
    }

    /// Width of a cluster of several scalars: the sum of its pieces' widths.
    static func widthOfPieces(_ scalars: Character.UnicodeScalarView) -> Int {
        var total = 0
        walk(scalars) { step in
            if case .start(_, let width) = step { total += width }
        }
        return total
    }

    private enum Step {
        /// A scalar that starts a piece, and the piece's width.
        case start(Unicode.Scalar, Int)
        /// A zero-width scalar that joins the current piece.
        case attach(Unicode.Scalar)
    }

    private static func walk(_ scalars: Character.UnicodeScalarView, _ body: (Step) -> Void) {
        var currentWidth: Int?
        for scalar in scalars {
            guard let width = currentWidth else {
                let first = width(of: scalar)
                currentWidth = first
                body(.start(scalar, first))
                continue
            }
            switch scalar.value {
            case 0x200D:
                continue
            case 0xFE0F:
                if width == 2 { body(.attach(scalar)) }
                continue
            default:
                break
            }
            if startsPiece(scalar) {
                let own = Self.width(of: scalar)
                currentWidth = own
                body(.start(scalar, own))
            } else {
                body(.attach(scalar))
            }
        }
    }

    /// Scalars inside a cluster that terminals may draw as a glyph of their own.
    private static func startsPiece(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (0x1F1E6...0x1F1FF).contains(value) { return true }  // regional indicators
        let properties = scalar.properties
        if properties.isEmojiModifier { return true }
        return value >= 0x2000 && properties.isEmoji && width(of: scalar) > 0
    }
}
