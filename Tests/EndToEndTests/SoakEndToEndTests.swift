import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// The soak: a storm of random input sent through tmux to the real `ponder` while an answer
/// streams from `ponder-fake-server` — every key of the keymap, other Ctrl, Alt and function keys,
/// typed text, pastes of up to 1 MB (bracketed and not), SGR mouse clicks and wheel at random
/// cells, and resizes from 1x1 to 300x100 — and the browser opening and closing among them.
/// Ponder must stay alive (same pid, no crash in its log), answer a known key sequence with a
/// known screen afterwards, quit with status 0 leaving the alternate screen and the terminal
/// modes as it found them, and leave a store that passes `PRAGMA integrity_check`.
///
/// Only the quitting keys (Ctrl-Q and Ctrl-C) are left out of the storm. Ctrl-Z is sent like any
/// other control key: Ponder runs the terminal in raw mode, where it is a byte, not a suspend.
/// The editor keys that open `$EDITOR` are sent too, with `EDITOR=true` (it exits at once and
/// leaves the message as it was), and copying writes OSC 52 to tmux, which keeps it to itself.
///
/// `PONDER_SOAK_SEED` (decimal or `0x` hex) and `PONDER_SOAK_SECONDS` choose the storm; `make test`
/// runs the fixed seed below for 15 s, `make soak` a random seed for 60 s. A failure names its seed.
@Suite(.serialized, .ownThreads) struct SoakEndToEndTests {
    static let fixedSeed: UInt64 = 0x50A4_0001

    @Test func ponderSurvivesAStormOfInput() throws {
        let seed = ProcessInfo.processInfo.environment["PONDER_SOAK_SEED"].flatMap(Self.parseSeed) ?? Self.fixedSeed
        var run = try SoakRun(seed: seed)
        try run.run(seconds: Self.seconds)
    }

    /// Seeds that found a bug, replayed for the default length (the bug's own test is named beside).
    static let regressionSeeds: [UInt64] = [
        // The browser searched no more once reopened (BrowserReopenSearchEndToEndTests).
        0xD059_4E31_05D4_18FB
    ]

    @Test(arguments: regressionSeeds) func aSeedThatFoundABugStillPasses(seed: UInt64) throws {
        var run = try SoakRun(seed: seed)
        try run.run(seconds: Self.seconds)
    }

    /// `PONDER_SOAK_SECONDS`, else 15.
    static var seconds: Double {
        ProcessInfo.processInfo.environment["PONDER_SOAK_SECONDS"].flatMap(Double.init) ?? 15
    }

    static func parseSeed(_ text: String) -> UInt64? {
        text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
    }
}
