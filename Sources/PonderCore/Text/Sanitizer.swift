import Foundation

/// Neutralises everything in untrusted text (model reasoning and answers, titles, server
/// messages) that could drive the terminal or spoof what is shown, and makes it visible instead:
///
/// - escape sequences (CSI, OSC — clipboard writes included —, DCS, SOS, PM, APC and short
///   escapes) become `␛` followed by the rest of the sequence literally, e.g. `␛[31m`;
/// - C0 controls become their Control Pictures symbol (BEL `␇`, backspace `␈`, …), DEL `␡`;
/// - C1 controls become `␛` plus their 7-bit equivalent (U+009B CSI → `␛[`);
/// - bidi overrides and isolates and other invisible format characters become a named marker
///   such as `⟨RLO⟩` or `⟨ZWSP⟩`;
/// - tabs expand to spaces up to the next multiple of 4 columns of their line; CR LF becomes LF;
/// - more than `maximumMarks` combining characters in a row (a "zalgo" flood) are cut to that many
///   and a count such as `⟨492 more marks⟩`.
///
/// Newlines are kept. Output contains no control characters, so sanitising is idempotent.
/// Text made only of printable ASCII and newlines is returned untouched without copying.
public enum Sanitizer {
    /// Columns between tab stops.
    public static let tabWidth = 4

    /// Sanitised text, newlines kept.
    public static func sanitize(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        scan(text[...]) { piece, _ in result += piece }
        return result
    }

    /// Text for the clipboard: sanitised like `sanitize`, but tabs stay tabs (code keeps its
    /// indentation); no control character but newline and tab remains.
    public static func sanitizeForClipboard(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        scan(text[...], keepingTabs: true) { piece, _ in result += piece }
        return result
    }

    /// The OSC 52 sequence that asks the terminal to put `text`, made safe for the clipboard, on
    /// the system clipboard.
    public static func clipboardSequence(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(sanitizeForClipboard(text).utf8).base64EncodedString() + "\u{07}"
    }

    /// Sanitised single-line text (titles, status messages): newlines become spaces.
    public static func sanitizeLine(_ text: String) -> String {
        let clean = sanitize(text)
        guard clean.utf8.contains(0x0A) else { return clean }
        return String(clean.map { $0 == "\n" ? " " : $0 })
    }

    /// Sanitised text as styled spans in `style`; neutralised parts get the `sanitized` flag.
    /// Newlines are kept inside the spans (the wrapper turns them into line breaks).
    public static func spans(_ text: Substring, style: TextStyle) -> [StyledSpan] {
        if isPlainASCII(text) { return text.isEmpty ? [] : [StyledSpan(String(text), style)] }
        var marked = style
        marked.sanitized = true
        var result: [StyledSpan] = []
        scan(text) { piece, neutralised in
            let pieceStyle = neutralised ? marked : style
            if let last = result.last, last.style == pieceStyle {
                result[result.count - 1].text += piece
            } else {
                result.append(StyledSpan(piece, pieceStyle))
            }
        }
        return result
    }

    /// Whether `sanitize` would change the text.
    public static func needsSanitizing(_ text: String) -> Bool {
        if isPlainASCII(text) { return false }
        var marks = 0
        for scalar in text.unicodeScalars {
            if scalar.value != 0x0A && isUnsafe(scalar.value) { return true }
            marks = scalar.value >= 0x300 && isMark(scalar) ? marks + 1 : 0
            if marks > maximumMarks { return true }
        }
        return false
    }

    /// Printable ASCII and newlines only: nothing to do.
    static func isPlainASCII<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }
    }

    /// Scalars that are replaced (newline aside, which `scan` keeps).
    static func isUnsafe(_ value: UInt32) -> Bool {
        if value < 0x20 || (value >= 0x7F && value <= 0x9F) { return true }
        if value < 0x061C { return false }
        return formatMarker(value) != nil
    }

    /// Walks `text`, calling `emit` with runs of output text and whether each run replaces
    /// something. Clean runs are emitted as they are.
    static func scan(_ text: Substring, keepingTabs: Bool = false, emit: (String, Bool) -> Void) {
        let scalars = text.unicodeScalars
        var lineText = ""  // output of the current line so far, to place tab stops
        var runStart = scalars.startIndex
        var index = runStart

        func flush(upTo end: String.UnicodeScalarView.Index) {
            guard runStart < end else { return }
            let run = String(scalars[runStart..<end])
            emit(run, false)
            track(run)
        }
        func track(_ piece: String) {
            if let newline = piece.utf8.lastIndex(of: 0x0A) {
                lineText = String(piece[piece.utf8.index(after: newline)...])
            } else {
                lineText += piece
            }
        }
        func replace(_ piece: String, neutralised: Bool = true) {
            emit(piece, neutralised)
            track(piece)
        }

        var marks = 0  // combining characters in a row so far
        var dropped = 0  // of those, how many past `maximumMarks` were left out
        while index < scalars.endIndex {
            let value = scalars[index].value
            if value >= 0x300, isMark(scalars[index]) {
                marks += 1
                if marks > maximumMarks {
                    flush(upTo: index)
                    dropped += 1
                    index = scalars.index(after: index)
                    runStart = index
                    continue
                }
            } else {
                marks = 0
                if dropped > 0 {
                    replace("⟨\(dropped) more marks⟩")
                    dropped = 0
                }
            }
            if value == 0x0A || !isUnsafe(value) {
                index = scalars.index(after: index)
                continue
            }
            flush(upTo: index)
            let next = scalars.index(after: index)
            switch value {
            case 0x09 where keepingTabs:
                replace("\t", neutralised: false)
                index = next
            case 0x09:
                let column = DisplayWidth.of(lineText)
                replace(String(repeating: " ", count: tabWidth - column % tabWidth), neutralised: false)
                index = next
            case 0x0D where next < scalars.endIndex && scalars[next].value == 0x0A:
                index = next  // CR LF: keep the LF only
            case 0x1B, 0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F:
                let end = endOfSequence(scalars, at: index)
                var shown = ""
                var position = index
                var sequenceMarks = 0
                var sequenceDropped = 0
                while position < end {
                    // A flood of marks inside a sequence is cut like one outside it.
                    let scalar = scalars[position]
                    sequenceMarks = scalar.value >= 0x300 && isMark(scalar) ? sequenceMarks + 1 : 0
                    if sequenceMarks > maximumMarks {
                        sequenceDropped += 1
                    } else {
                        if sequenceDropped > 0 {
                            shown += "⟨\(sequenceDropped) more marks⟩"
                            sequenceDropped = 0
                        }
                        shown += visible(scalar.value)
                    }
                    position = scalars.index(after: position)
                }
                if sequenceDropped > 0 { shown += "⟨\(sequenceDropped) more marks⟩" }
                replace(shown)
                index = end
            default:
                replace(visible(value))
                index = next
            }
            runStart = index
        }
        flush(upTo: scalars.endIndex)
        if dropped > 0 { replace("⟨\(dropped) more marks⟩") }
    }

    /// Combining characters one letter may carry before the rest of a run is replaced by a count:
    /// enough for every script's stacked marks, few enough that a flood cannot spill over the lines
    /// around it or hide them.
    public static let maximumMarks = 8

    /// A scalar that attaches to the one before it: combining marks, variation selectors, joiners.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isGraphemeExtend || scalar.value == 0x200D
    }

    /// Visible form of one scalar inside replaced text.
    static func visible(_ value: UInt32) -> String {
        switch value {
        case 0x00..<0x20: return String(Unicode.Scalar(0x2400 + value)!)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F: return "\u{241B}" + String(Unicode.Scalar(UInt8(value - 0x40)))
        default:
            if let marker = formatMarker(value) { return "⟨" + marker + "⟩" }
            return String(Unicode.Scalar(value)!)
        }
    }

    /// End (exclusive) of the escape sequence starting at `start` (an ESC or a C1 introducer).
    /// A sequence never runs past a newline; a truncated one ends where the text ends.
    static func endOfSequence(
        _ scalars: Substring.UnicodeScalarView, at start: Substring.UnicodeScalarView.Index
    ) -> Substring.UnicodeScalarView.Index {
        var index = scalars.index(after: start)
        let introducer: UInt32
        if scalars[start].value == 0x1B {
            guard index < scalars.endIndex else { return index }
            introducer = scalars[index].value
            switch introducer {
            case 0x5B, 0x5D, 0x50, 0x58, 0x5E, 0x5F: index = scalars.index(after: index)
            case 0x20...0x2F:  // nF escape: intermediates, then a final byte
                while index < scalars.endIndex, (0x20...0x2F).contains(scalars[index].value) {
                    index = scalars.index(after: index)
                }
                if index < scalars.endIndex, (0x30...0x7E).contains(scalars[index].value) {
                    index = scalars.index(after: index)
                }
                return index
            case 0x30...0x7E: return scalars.index(after: index)  // two-character escape
            default: return index  // lone ESC
            }
        } else {
            introducer = scalars[start].value - 0x40
        }
        if introducer == 0x5B {  // CSI: parameters, intermediates, final byte
            while index < scalars.endIndex, (0x30...0x3F).contains(scalars[index].value) {
                index = scalars.index(after: index)
            }
            while index < scalars.endIndex, (0x20...0x2F).contains(scalars[index].value) {
                index = scalars.index(after: index)
            }
            if index < scalars.endIndex, (0x40...0x7E).contains(scalars[index].value) {
                index = scalars.index(after: index)
            }
            return index
        }
        // String sequences (OSC, DCS, SOS, PM, APC) end with BEL, ESC \ or ST.
        while index < scalars.endIndex {
            let value = scalars[index].value
            if value == 0x0A { return index }
            let next = scalars.index(after: index)
            if value == 0x07 || value == 0x9C { return next }
            if value == 0x1B {
                if next < scalars.endIndex, scalars[next].value == 0x5C { return scalars.index(after: next) }
                return index
            }
            index = next
        }
        return index
    }
}
