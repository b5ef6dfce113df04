import PonderCore
import PonderTUI

/// The terminal key decoder (read only: the decoder is the full-screen app's), fed whole and in
/// pieces: the same text, keys, pastes and mouse events must come out.
extension FuzzTargets {
    static let keyDecoder = FuzzTarget(
        name: "key-decoder",
        seeds: [
            "abc\u{1B}[A\u{1B}[1;5C\u{1B}OP", "\u{1B}[200~pasted\ntext\u{1B}[201~", "\u{1B}[<0;10;5M\u{1B}[<0;10;5m",
            "\u{1B}x\u{1B}\u{1B}[", "é👍🏽\u{7F}\u{03}",
        ],
        dictionary: ["\u{1B}", "\u{1B}[", "\u{1B}O", "\u{1B}[200~", "\u{1B}[201~", "\u{1B}[<", ";", "~", "M", "m"]
    ) { bytes in
        var input = FuzzInput(bytes)
        let seed = input.number(in: 0...255)
        let maximum = input.number(in: 1...16)
        let scalars = Array(String(decoding: input.rest, as: UTF8.self).unicodeScalars)
        func events(_ pieces: [ArraySlice<Unicode.Scalar>]) -> [InputEvent] {
            var decoder = InputDecoder()
            var out: [InputEvent] = []
            for piece in pieces { out += decoder.feed(piece.map(InputUnit.scalar)) }
            return out + decoder.flush()
        }
        let whole = typed(events([scalars[...]]))
        let split = typed(events(FuzzInput.pieces(of: scalars, seed: seed, maximum: maximum)))
        FuzzTarget.check(whole == split, "keys differ when the input arrives in pieces: \(whole) vs \(split)")
    }

    /// What was typed: runs of characters as one text (a read boundary inside a cluster such as 👍
    /// + 🏽 may give two character keys instead of one), every other event as it is. Pastes, Enter,
    /// Ctrl-J and Tab join the text with CR and CR LF as LF: whether text with line breaks arrives
    /// as one paste depends on where the reads split it, what it holds must not.
    static func typed(_ events: [InputEvent]) -> [String] {
        var out: [String] = []
        var text = ""
        func flushText() {
            var joined = String.UnicodeScalarView()
            var afterCarriageReturn = false
            for scalar in text.unicodeScalars {
                if !(scalar == "\n" && afterCarriageReturn) { joined.append(scalar == "\r" ? "\n" : scalar) }
                afterCarriageReturn = scalar == "\r"
            }
            if !joined.isEmpty { out.append("text " + String(joined)) }
        }
        for event in events {
            switch event {
            case .paste(let pasted):
                text += pasted
                continue
            case .key(KeyPress(.enter)):
                text += "\r"
                continue
            case .key(KeyPress.ctrl("j")):
                text += "\n"
                continue
            case .key(KeyPress(.tab)):
                text += "\t"
                continue
            default: break
            }
            if case .key(let press) = event, press.modifiers.isEmpty, case .character(let character) = press.key {
                text.append(character)
                continue
            }
            flushText()
            text = ""
            out.append("\(event)")
        }
        flushText()
        return out
    }
}
