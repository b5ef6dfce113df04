/// Hostile text for every path that ends on a terminal: C0 and C1 controls (the C1 ones as the
/// UTF-8 encoded code points a JSON string can carry), CSI, OSC, DCS, APC, PM and SOS sequences with
/// both terminators and unterminated, short escapes, bidi overrides and isolates, invisible
/// characters, and floods of zero-width and combining characters — plus the check that the bytes a
/// program wrote to a terminal carry none of it. Used for `ponder ask`, `show`, `list` and `search`
/// on a pty, and for the full-screen app.
public enum EscapeCorpus {
    public struct Payload: Sendable {
        public var name: String
        public var text: String
    }

    /// Every payload; each is wrapped in visible text so a test can see where it landed.
    public static let payloads: [Payload] = c0 + c1 + sequences + invisible + floods

    /// C0 controls other than newline, and DEL.
    static let c0: [Payload] =
        (0x00..<0x20).filter { $0 != 0x0A }.map { Payload(name: "c0-\(hex($0))", text: "a\(scalar($0))b") }
        + [Payload(name: "del", text: "a\u{7F}b")]

    /// C1 controls U+0080…U+009F, which a JSON string carries as two UTF-8 bytes each.
    static let c1: [Payload] = (0x80...0x9F).map { Payload(name: "c1-\(hex($0))", text: "a\(scalar($0))b") }

    static let sequences: [Payload] = [
        Payload(name: "csi-sgr", text: "\u{1B}[31mred\u{1B}[0m"),
        Payload(name: "csi-clear", text: "\u{1B}[2J\u{1B}[H"),
        Payload(name: "csi-alt-screen", text: "\u{1B}[?1049h"),
        Payload(name: "csi-mouse", text: "\u{1B}[?1000h\u{1B}[?1006h"),
        Payload(name: "csi-report-position", text: "\u{1B}[6n"),
        Payload(name: "csi-device-attributes", text: "\u{1B}[0c"),
        Payload(name: "csi-unterminated", text: "\u{1B}[12;"),
        Payload(name: "osc-title-bel", text: "\u{1B}]0;owned title\u{07}"),
        Payload(name: "osc-title-st", text: "\u{1B}]2;owned title\u{1B}\\"),
        Payload(name: "osc-clipboard-bel", text: "\u{1B}]52;c;cm0gLXJmIH4=\u{07}"),
        Payload(name: "osc-clipboard-st", text: "\u{1B}]52;c;cm0gLXJmIH4=\u{1B}\\"),
        Payload(name: "osc-hyperlink", text: "\u{1B}]8;;https://evil.example/\u{07}click\u{1B}]8;;\u{07}"),
        Payload(name: "osc-palette", text: "\u{1B}]4;1;rgb:ff/00/00\u{1B}\\"),
        Payload(name: "osc-query", text: "\u{1B}]10;?\u{07}"),
        Payload(name: "osc-unterminated", text: "\u{1B}]52;c;ZXZpbA=="),
        Payload(name: "dcs-st", text: "\u{1B}P+q544e\u{1B}\\"),
        Payload(name: "dcs-bel", text: "\u{1B}P$qm\u{07}"),
        Payload(name: "apc-st", text: "\u{1B}_Gf=100;AAAA\u{1B}\\"),
        Payload(name: "apc-bel", text: "\u{1B}_apc\u{07}"),
        Payload(name: "pm-st", text: "\u{1B}^privacy\u{1B}\\"),
        Payload(name: "pm-bel", text: "\u{1B}^pm\u{07}"),
        Payload(name: "sos-st", text: "\u{1B}Xsos\u{1B}\\"),
        Payload(name: "sos-bel", text: "\u{1B}Xsos\u{07}"),
        Payload(name: "c1-csi-sgr", text: "\u{9B}31mred"),
        Payload(name: "c1-osc-title", text: "\u{9D}0;owned\u{9C}"),
        Payload(name: "c1-osc-bel", text: "\u{9D}52;c;ZXZpbA==\u{07}"),
        Payload(name: "c1-dcs", text: "\u{90}+q544e\u{9C}"),
        Payload(name: "c1-apc", text: "\u{9F}apc\u{9C}"),
        Payload(name: "c1-pm", text: "\u{9E}pm\u{9C}"),
        Payload(name: "c1-sos", text: "\u{98}sos\u{9C}"),
        Payload(name: "esc-reset", text: "\u{1B}c"),
        Payload(name: "esc-save-cursor", text: "\u{1B}7moved\u{1B}8"),
        Payload(name: "esc-charset", text: "\u{1B}(0lqk\u{1B}(B"),
        Payload(name: "esc-alignment", text: "\u{1B}#8"),
        Payload(name: "esc-keypad", text: "\u{1B}="),
        Payload(name: "esc-alone", text: "end\u{1B}"),
        Payload(name: "carriage-return", text: "visible\rhidden"),
        Payload(name: "backspaces", text: "rm -rf /\u{08}\u{08}\u{08}\u{08}\u{08}\u{08}\u{08}\u{08}ls"),
    ]

    static let invisible: [Payload] =
        [
            0x061C, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2066,
            0x2067, 0x2068, 0x2069, 0xFEFF,
        ].map { Payload(name: "format-\(hex($0))", text: "abc\(scalar($0))def") }
        + [Payload(name: "bidi-spoof", text: "invoice\u{202E}fdp.exe\u{202C}")]

    static let floods: [Payload] = [
        Payload(name: "combining-flood", text: "e" + String(repeating: "\u{0301}", count: 500)),
        Payload(name: "zalgo", text: "Z" + String(repeating: "\u{0336}\u{0337}\u{0338}\u{0334}", count: 60)),
        Payload(name: "zero-width-space-flood", text: "a" + String(repeating: "\u{200B}", count: 300) + "b"),
        Payload(name: "zero-width-joiner-flood", text: "a" + String(repeating: "\u{200D}", count: 300) + "b"),
        Payload(name: "variation-selector-flood", text: "a" + String(repeating: "\u{FE0F}", count: 300)),
    ]

    /// The payload between markers, so the text around it can be found again on the screen.
    public static func wrapped(_ payload: Payload) -> String { "<\(payload.name)>" + payload.text + "</>" }

    /// Scalars that must never reach a terminal unescaped: C0 but newline, carriage return (which a
    /// terminal's output processing adds before each newline) and the escape of an allowed sequence,
    /// DEL, C1, and the invisible format characters.
    static func isForbidden(_ value: UInt32) -> Bool {
        if value < 0x20 { return value != 0x0A && value != 0x0D }
        if value == 0x7F || (0x80...0x9F).contains(value) { return true }
        return [0x061C, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x2060, 0xFEFF].contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// What is wrong with bytes a program wrote to a terminal: forbidden scalars, escape sequences
    /// other than `allowedSequences` (its own styling), a carriage return not followed by a newline,
    /// more than `maximumMarks` combining characters on one letter, and bytes that are not UTF-8.
    public static func problems(
        in bytes: [UInt8], allowedSequences: [String] = ["\u{1B}[2m", "\u{1B}[22m", "\u{1B}[1m"],
        maximumMarks: Int = 8
    ) -> [String] {
        guard let text = String(validating: bytes, as: UTF8.self) else { return ["the output is not UTF-8"] }
        var cleaned = text
        for sequence in allowedSequences { cleaned = cleaned.replacingOccurrences(of: sequence, with: "") }
        cleaned = cleaned.replacingOccurrences(of: "\r\n", with: "\n")
        var problems: [String] = []
        var marks = 0
        for scalar in cleaned.unicodeScalars {
            if isForbidden(scalar.value) {
                problems.append("U+\(hex(scalar.value)) reached the terminal")
            }
            let extending = scalar.properties.isGraphemeExtend || scalar.value == 0x200D
            marks = extending ? marks + 1 : 0
            if marks == maximumMarks + 1 { problems.append("more than \(maximumMarks) combining characters in a row") }
        }
        return problems
    }

    private static func hex(_ value: UInt32) -> String { String(value, radix: 16, uppercase: true) }
    private static func hex(_ value: Int) -> String { hex(UInt32(value)) }
    private static func scalar(_ value: Int) -> Character { Character(Unicode.Scalar(UInt32(value))!) }
}
