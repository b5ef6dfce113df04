import Foundation
import PonderTUI
import TestSupport

/// The random input of the soak: a seeded stream of events a user (or a terminal) could send —
/// keys of every kind, pastes, mouse reports and resizes — and how each one reaches the pane
/// through tmux. The same seed gives the same events; their timing depends on the machine.
struct SoakStorm {
    /// One thing sent to the pane.
    enum Event: CustomStringConvertible {
        /// tmux key names sent in one command (`C-t`, `M-Enter`, `F5`, `PPage`, …).
        case keys([String])
        /// Text typed literally.
        case text(String)
        /// A paste of `bytes` bytes of text with line breaks, with or without the paste brackets.
        case paste(bytes: Int, bracketed: Bool, seed: UInt64)
        /// An SGR mouse report (1006): button code, 1-based column and row, press or release.
        case mouse(button: Int, column: Int, row: Int, press: Bool)
        case resize(width: Int, height: Int)

        var description: String {
            switch self {
            case .keys(let names): return "keys \(names.joined(separator: " "))"
            case .text(let text): return "text \(text.debugDescription)"
            case .paste(let bytes, let bracketed, _): return "paste \(bytes) bytes\(bracketed ? " bracketed" : "")"
            case .mouse(let button, let column, let row, let press):
                return "mouse \(button) at \(column),\(row) \(press ? "press" : "release")"
            case .resize(let width, let height): return "resize \(width)x\(height)"
            }
        }
    }

    /// Keys that quit Ponder: the only keys the storm leaves out (the soak ends with a quit of its own).
    static let quittingActions: Set<Action> = [.app(.quit), .app(.interrupt)]

    /// Every key of the standard keymap but the quitting ones, as tmux key names.
    static let keymapKeys: [String] = {
        let keys = Keymap.standard.bindings.filter { !quittingActions.contains($0.action) }.flatMap(\.keys)
        return Array(Set(keys.map(tmuxName))).sorted()
    }()

    /// tmux key names of Ctrl with a letter or symbol, without the quitting keys. In raw mode
    /// Ctrl-Z, Ctrl-S and Ctrl-\ are plain bytes (no suspend, no flow control, no SIGQUIT).
    static let controlKeys: [String] = {
        let quitting = Set(
            Keymap.standard.bindings.filter { quittingActions.contains($0.action) }.flatMap(\.keys).map(tmuxName))
        let letters = "abcdefghijklmnopqrstuvwxyz".map { "C-\($0)" }
        return (letters + ["C-Space", "C-\\", "C-]", "C-^", "C-_"]).filter { !quitting.contains($0) }
    }()

    static let namedKeys = [
        "Enter", "Tab", "BTab", "BSpace", "DC", "IC", "Escape", "Up", "Down", "Left", "Right", "Home", "End",
        "PPage", "NPage", "C-Up", "C-Down", "C-Left", "C-Right", "S-Up", "S-Left", "M-Up", "M-Down", "C-Home",
        "C-End", "S-Home",
    ]
    static let functionKeys = (1...12).map { "F\($0)" } + ["S-F3", "C-F5", "M-F2"]
    static let printable = Array(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
    static let wide = ["é", "ß", "量子", "思考", "🙂", "👩‍💻", "e\u{301}", "ﬁ", "Ω", "—"]

    private var random: SplitMix64
    /// The pane's size as the storm last set it (mouse reports stay inside it).
    private(set) var width: Int
    private(set) var height: Int

    init(seed: UInt64, width: Int, height: Int) {
        random = SplitMix64(seed: seed)
        self.width = width
        self.height = height
    }

    private mutating func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }
    private mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    /// The next event: mostly keys, then text, mouse reports and resizes, and now and then a paste.
    mutating func next() -> Event {
        let roll = number(0...999)
        switch roll {
        case 0..<250: return .keys((0..<number(1...4)).map { _ in pick(Self.keymapKeys) })
        case 250..<380: return .keys([pick(Self.controlKeys)])
        case 380..<480: return .keys([pick(Self.namedKeys + Self.functionKeys)])
        case 480..<560: return .keys(["M-" + String(pick(Self.printable.filter { $0 != " " && $0 != ";" }))])
        case 560..<700:
            let length = number(1...24)
            return .text(
                String((0..<length).map { _ in pick(Self.printable) }) + (number(0...3) == 0 ? pick(Self.wide) : ""))
        case 700..<880:
            let press = number(0...1) == 0
            let button = pick([0, 1, 2, 64, 65, 64, 65])
            return .mouse(
                button: button, column: number(1...width), row: number(1...height), press: press || button >= 64)
        case 880..<995:
            // Most sizes ordinary, some degenerate: 1x1 up to 300x100.
            let tiny = number(0...4) == 0
            width = tiny ? number(1...12) : number(20...300)
            height = tiny ? number(1...6) : number(8...100)
            return .resize(width: width, height: height)
        default:
            // One event in 200, sizes spread over six orders of magnitude up to 1 MB: about 3 MB a
            // minute, which a debug build takes in (it inserts about a megabyte every 4–5 s).
            let exponent = Double(number(0...600)) / 100
            return .paste(
                bytes: min(1_000_000, Int(pow(10, exponent))), bracketed: number(0...2) != 0, seed: random.next())
        }
    }

    /// Sends `event` to the pane; pastes are written to a file under `directory` first.
    static func send(_ event: Event, to tmux: TmuxSession, directory: String) throws {
        switch event {
        case .keys(let names): try tmux.sendKeys(["--"] + names)
        case .text(let text): try tmux.sendLiteral(text)
        case .paste(let bytes, let bracketed, let seed):
            let file = directory + "/soak-paste.txt"
            try Data(pasteText(bytes: bytes, seed: seed).utf8).write(to: URL(fileURLWithPath: file))
            try tmux.pasteFile(file, bracketed: bracketed)
        case .mouse(let button, let column, let row, let press):
            let report = "\u{1B}[<\(button);\(column);\(row)\(press ? "M" : "m")"
            try tmux.sendKeys(["-H"] + report.utf8.map { String($0, radix: 16) })
        case .resize(let width, let height): try tmux.resize(width: width, height: height)
        }
    }

    /// `bytes` bytes (or a few more, to finish a character) of words, some wide, broken into lines.
    static func pasteText(bytes: Int, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        let words = ["soak", "paste", "量子", "line", "🙂", "reasoning", "x", "a-much-longer-word-without-a-break", "é"]
        var text = ""
        text.reserveCapacity(bytes + 16)
        var size = 0
        while size < bytes {
            let word = random.next() % 9 == 0 ? "\n" : words[Int(random.next() % UInt64(words.count))] + " "
            text += word
            size += word.utf8.count
        }
        return text
    }

    /// The tmux name of a key press: `C-t`, `M-Enter`, `F2`, `C-Left`, or the character itself.
    static func tmuxName(_ press: KeyPress) -> String {
        var prefix = ""
        if press.modifiers.contains(.ctrl) { prefix += "C-" }
        if press.modifiers.contains(.alt) { prefix += "M-" }
        if press.modifiers.contains(.shift) { prefix += "S-" }
        let name: String
        switch press.key {
        case .character(" "): name = "Space"
        case .character(let character): name = String(character)
        case .enter: name = "Enter"
        case .tab: name = "Tab"
        case .backTab: name = "BTab"
        case .backspace: name = "BSpace"
        case .delete: name = "DC"
        case .insert: name = "IC"
        case .escape: name = "Escape"
        case .up: name = "Up"
        case .down: name = "Down"
        case .left: name = "Left"
        case .right: name = "Right"
        case .home: name = "Home"
        case .end: name = "End"
        case .pageUp: name = "PPage"
        case .pageDown: name = "NPage"
        case .function(let number): name = "F\(number)"
        }
        return prefix + name
    }
}
