import Foundation
import TestSupport
import TestTraits
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Emoji sequences on a real terminal: ncurses, glibc and tmux must agree on every cell, or rows
/// shift and glyphs are left behind when the text moves. The memory terminal accepts any cluster,
/// so only a tmux capture shows this.
@Suite(.serialized, .ownThreads) struct EmojiEndToEndTests {
    /// A VS16 emoji, a flag, a skin tone, a ZWJ family, a keycap and CJK, then a bar.
    static let kinds = "⚠️🇨🇳👍🏽👨‍👩‍👧1️⃣中|"
    /// The same row as tmux holds it: the pieces every layer agrees on.
    static let drawn = "⚠🇨🇳👍🏽👨👩👧1⃣中|"
    /// As many columns as `kinds` takes (1 + 2 + 4 + 6 + 1 + 2), then a bar.
    static let ruler = "abcdefghijklmnop|"

    /// glibc's `wcwidth` (what ncurses measures with; the Glibc module does not export it).
    static let wcwidth: @convention(c) (Int32) -> Int32 = {
        setlocale(LC_CTYPE, "C.UTF-8")
        let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth")!
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// The column (counted the way glibc and tmux count) where `marker` first appears in `row`.
    static func column(of marker: Character, in row: Substring) -> Int? {
        var column = 0
        for scalar in row.unicodeScalars {
            if scalar == marker.unicodeScalars.first! { return column }
            column += max(0, Int(wcwidth(Int32(bitPattern: scalar.value))))
        }
        return nil
    }

    /// The editor rows holding the emoji and the ruler; nil until both are drawn.
    static func rows(_ screen: String) -> (emoji: Substring, ruler: Substring)? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let emoji = lines.first(where: { $0.contains("中|") }),
            let ruler = lines.first(where: { $0.contains(Self.ruler) })
        else { return nil }
        return (emoji, ruler)
    }

    /// Both rows drawn whole, the bars in one column, nothing left after the bar.
    static func aligned(_ screen: String, shift: Int = 0, prefix: String = "") -> Bool {
        guard let (emoji, ruler) = rows(screen), emoji.contains(prefix + Self.drawn),
            let bar = column(of: "|", in: emoji), let rulerBar = column(of: "|", in: ruler)
        else { return false }
        let rest = emoji[emoji.index(after: emoji.firstIndex(of: "|")!)...]
        return bar == rulerBar + shift && rest.allSatisfy(\.isWhitespace)
    }

    @Test func everyKindOfClusterKeepsItsRowAlignedAndLeavesNothingBehind() throws {
        let harness = try TUIEndToEndTests.Harness(width: 100, height: 30)
        try harness.startPonder()
        try harness.tmux.sendLiteral(Self.kinds)
        try harness.tmux.sendKeys("C-j")
        try harness.tmux.sendLiteral(Self.ruler)
        try harness.tmux.waitFor("the emoji row drawn as its pieces, its bar over the ruler's") { Self.aligned($0) }
        // More text before the emoji moves the row right, then back.
        try harness.tmux.sendKeys("Up", "Home")
        try harness.tmux.sendLiteral("xyz")
        try harness.tmux.waitFor("the row moved right by three") { Self.aligned($0, shift: 3, prefix: "xyz") }
        try harness.tmux.sendKeys("BSpace", "BSpace", "BSpace")
        let back = try harness.tmux.waitFor("the row back in place, nothing left behind") { Self.aligned($0) }
        #expect(!back.contains("xyz"))
        #expect(!back.unicodeScalars.contains("\u{200D}"))
        // A resize redraws everything.
        try harness.tmux.resize(width: 70, height: 24)
        try harness.tmux.waitFor("aligned after a resize") { Self.aligned($0) }
        try harness.tmux.resize(width: 100, height: 30)
        try harness.tmux.waitFor("aligned after growing again") { Self.aligned($0) }
        // The editor emptied: no glyph of the emoji row stays on screen.
        try harness.tmux.sendKeys("C-u", "Down", "C-u", "BSpace", "C-u", "End", "C-u")
        let cleared = try harness.tmux.waitFor("the editor empty") { $0.contains("Type a message") }
        for glyph in ["⚠", "🇨", "👍", "🏽", "👨", "中"] { #expect(!cleared.contains(glyph), "\(glyph) left behind") }
        try harness.tmux.sendKeys("C-q")
        _ = try harness.waitForShell()
    }
}
