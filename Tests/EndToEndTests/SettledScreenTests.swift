import TestSupport
import Testing

/// Which capture a tmux wait returns: a torn capture (new top rows over an old bottom row) is not
/// returned while the next capture shows the whole frame.
@Suite struct SettledScreenTests {
    static let torn = "Failed: refused\nready"
    static let whole = "Failed: refused\nerror · Ctrl-R retries"

    func run(_ captures: [String], _ predicate: (String) -> Bool) -> (screen: String?, captures: Int) {
        var settled = SettledScreen()
        for (index, capture) in captures.enumerated() {
            if let screen = settled.next(capture, meets: predicate(capture)) { return (screen, index + 1) }
        }
        return (nil, captures.count)
    }

    @Test func aTornCaptureGivesWayToTheWholeFrameAfterIt() {
        let result = run(["", Self.torn, Self.whole, Self.whole]) { $0.contains("Failed") }
        #expect(result.screen == Self.whole)
        #expect(result.captures == 4)
    }

    @Test func aStillScreenIsTakenOnTheSecondCaptureThatMatches() {
        let result = run(["waiting", Self.whole, Self.whole, "later"]) { $0.contains("Failed") }
        #expect(result.screen == Self.whole)
        #expect(result.captures == 3)
    }

    @Test func aBriefStateIsTakenAsItWasSeen() {
        let result = run(["", "saving…", "done"]) { $0.contains("saving") }
        #expect(result.screen == "saving…")
    }

    @Test func aMovingScreenIsTakenAfterTheLimit() {
        let frames = (0..<10).map { "thinking \($0)" }
        let result = run(frames) { $0.contains("thinking") }
        #expect(result.screen == frames[SettledScreen.movingLimit])
        #expect(result.captures == SettledScreen.movingLimit + 1)
    }

    @Test func nothingIsTakenWhileThePredicateFails() {
        #expect(run(["a", "b", "a"]) { $0.contains("z") }.screen == nil)
    }
}
