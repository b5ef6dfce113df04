/// One unit of raw input: a Unicode scalar as read from the terminal, or an event the
/// terminal library already decoded (keypad keys, mouse, resize).
public enum InputUnit: Hashable, Sendable {
    case scalar(Unicode.Scalar)
    case event(InputEvent)
}

/// Turns raw input into typed events. Pure: no I/O and no clock — the caller feeds units as
/// they arrive and calls `flush()` once input has been quiet for `pendingTimeout`.
///
/// Handles printable text (scalars combined into grapheme clusters, even across reads),
/// Ctrl combos, Alt combos (ESC prefix), CSI and SS3 key sequences with modifiers, SGR mouse
/// reports and bracketed paste (`ESC [200~ … ESC [201~`, delivered as one event). Text pasted
/// without brackets is recognised by its line breaks: a line break after text (of this read or
/// ending the previous one) with more text right after it in the same read starts a burst that
/// collects text, tabs and line breaks until input goes quiet or anything else arrives, delivered
/// as one paste event (so its line breaks never send the message).
public struct InputDecoder: Sendable {
    enum Mode: Equatable, Sendable {
        case ground
        case escape
        case csi(String)
        case ss3
        case paste
        /// Unbracketed paste: text with line breaks arriving faster than anyone types.
        case burst
    }

    var mode: Mode = .ground
    /// Printable scalars not yet emitted: the last cluster may still grow.
    var pendingText = ""
    var pasteText = ""
    var pasteEndMatched = 0
    var pasteAfterCarriageReturn = false
    /// The last unit decoded was printable text (a line break after it may start a burst).
    var afterText = false

    static let pasteEnd: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]

    public init() {}

    /// How long (seconds) to wait for more input before calling `flush()`; nil when nothing is pending.
    public var pendingTimeout: Double? {
        switch mode {
        case .paste: return 1.0
        case .burst: return 0.1
        case .escape, .csi, .ss3: return 0.025
        case .ground: return pendingText.isEmpty ? nil : 0.025
        }
    }

    /// Decodes a batch of units (everything readable right now).
    public mutating func feed<S: Sequence>(_ units: S) -> [InputEvent] where S.Element == InputUnit {
        var events: [InputEvent] = []
        let units = Array(units)
        for (index, unit) in units.enumerated() {
            switch unit {
            case .scalar(let scalar):
                if mode == .ground, afterText, Self.isLineBreak(scalar), index + 1 < units.count,
                    case .scalar(let next) = units[index + 1], Self.isPrintable(next) || Self.isLineBreak(next)
                {
                    startBurst()
                }
                let typedText = mode == .ground && Self.isPrintable(scalar)
                decode(scalar, into: &events)
                afterText = typedText
            case .event(let event):
                pass(event, into: &events)
                afterText = false
            }
        }
        emitText(into: &events, keepingIncompleteCluster: true)
        return events
    }

    /// Input went quiet: whatever is pending is complete (a lone ESC is the Escape key; an
    /// unterminated paste is delivered as it stands).
    public mutating func flush() -> [InputEvent] {
        var events: [InputEvent] = []
        switch mode {
        case .escape: events.append(.key(KeyPress(.escape)))
        case .paste:
            events.append(.paste(pasteText + String(String.UnicodeScalarView(Self.pasteEnd.prefix(pasteEndMatched)))))
        case .burst: events.append(.paste(pasteText))
        case .csi, .ss3, .ground: break
        }
        mode = .ground
        pasteText = ""
        pasteEndMatched = 0
        emitText(into: &events, keepingIncompleteCluster: false)
        return events
    }

    private mutating func pass(_ event: InputEvent, into events: inout [InputEvent]) {
        if mode == .paste {
            switch event {
            case .key(KeyPress(.enter, [])): appendPaste("\n")
            case .key(KeyPress(.tab, [])): appendPaste("\t")
            default: break
            }
            return
        }
        if mode == .escape, case .key(var press) = event {
            press.modifiers.insert(.alt)
            mode = .ground
            emitText(into: &events, keepingIncompleteCluster: false)
            events.append(.key(press))
            return
        }
        events.append(contentsOf: flush())
        events.append(event)
    }

    private mutating func decode(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        switch mode {
        case .ground: decodeGround(scalar, into: &events)
        case .escape: decodeAfterEscape(scalar, into: &events)
        case .csi(let parameters): decodeCSI(parameters, scalar, into: &events)
        case .ss3: decodeSS3(scalar, into: &events)
        case .paste: decodePaste(scalar, into: &events)
        case .burst: decodeBurst(scalar, into: &events)
        }
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\r" || scalar == "\n" }

    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value >= 0x20 && value != 0x7F && !(0x80..<0xA0).contains(value)
    }

    /// The text typed so far on this line becomes the start of a burst.
    private mutating func startBurst() {
        mode = .burst
        pasteText = pendingText
        pendingText = ""
        pasteAfterCarriageReturn = false
    }

    /// In a burst, text, tabs and line breaks are collected; anything else ends it and is decoded.
    private mutating func decodeBurst(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        if Self.isPrintable(scalar) || Self.isLineBreak(scalar) || scalar == "\t" {
            appendPaste(scalar)
            return
        }
        events.append(.paste(pasteText))
        pasteText = ""
        mode = .ground
        decodeGround(scalar, into: &events)
    }

    private mutating func decodeGround(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        let value = scalar.value
        if Self.isPrintable(scalar) {
            pendingText.unicodeScalars.append(scalar)
            return
        }
        emitText(into: &events, keepingIncompleteCluster: false)
        if value == 0x1B {
            mode = .escape
        } else if let press = Self.controlKey(value) {
            events.append(.key(press))
        }
    }

    private mutating func decodeAfterEscape(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        switch scalar {
        case "[": mode = .csi("")
        case "O": mode = .ss3
        case "\u{1B}":
            events.append(.key(KeyPress(.escape)))
        default:
            mode = .ground
            let value = scalar.value
            if var press = Self.controlKey(value) {
                press.modifiers.insert(.alt)
                events.append(.key(press))
            } else if value >= 0x20 && !(0x80..<0xA0).contains(value) {
                events.append(.key(.character(Character(scalar), .alt)))
            }
        }
    }

    private mutating func decodeCSI(_ parameters: String, _ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        switch scalar.value {
        case 0x20...0x3F:
            mode = .csi(parameters + String(Character(scalar)))
        case 0x40...0x7E:
            mode = .ground
            if let event = Self.csiEvent(parameters: parameters, final: Character(scalar)) {
                if event == .paste("") {
                    mode = .paste
                } else {
                    events.append(event)
                }
            }
        default:
            mode = .ground
            decodeGround(scalar, into: &events)
        }
    }

    private mutating func decodeSS3(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        mode = .ground
        if let key = Self.finalKey(Character(scalar)) {
            events.append(.key(KeyPress(key)))
        } else if scalar == "M" {
            events.append(.key(KeyPress(.enter)))
        } else {
            decodeGround(scalar, into: &events)
        }
    }

    private mutating func decodePaste(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        let end = Self.pasteEnd
        if scalar == end[pasteEndMatched] {
            pasteEndMatched += 1
            if pasteEndMatched == end.count {
                events.append(.paste(pasteText))
                pasteText = ""
                pasteEndMatched = 0
                mode = .ground
            }
            return
        }
        if pasteEndMatched > 0 {
            for matched in end.prefix(pasteEndMatched) { appendPaste(matched) }
            pasteEndMatched = 0
            decodePaste(scalar, into: &events)
            return
        }
        appendPaste(scalar)
    }

    /// Pasted line breaks arrive as CR (or CR LF); the text keeps them as LF.
    private mutating func appendPaste(_ scalar: Unicode.Scalar) {
        defer { pasteAfterCarriageReturn = scalar == "\r" }
        if scalar == "\n" && pasteAfterCarriageReturn { return }
        pasteText.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
    }

    /// Emits pending printable text as one key event per grapheme cluster. The last cluster is
    /// kept back when it is visibly unfinished (ends with a zero-width joiner, or is a lone
    /// regional indicator waiting for its pair), so the rest of it can arrive in the next read.
    private mutating func emitText(into events: inout [InputEvent], keepingIncompleteCluster: Bool) {
        guard !pendingText.isEmpty else { return }
        var kept = ""
        if keepingIncompleteCluster, let last = pendingText.last, Self.isIncomplete(last) {
            kept = String(last)
            pendingText.removeLast()
        }
        for character in pendingText { events.append(.key(.character(character))) }
        pendingText = kept
    }

    static func isIncomplete(_ cluster: Character) -> Bool {
        let scalars = cluster.unicodeScalars
        if scalars.last == "\u{200D}" { return true }
        if scalars.count == 1, let only = scalars.first, (0x1F1E6...0x1F1FF).contains(only.value) { return true }
        return false
    }
}
