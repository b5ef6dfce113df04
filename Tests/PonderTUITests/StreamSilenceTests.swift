import Foundation
import PonderCore
import Testing

@testable import PonderTUI

/// Counting the seconds a stream sends nothing, as the loop's timer drives it.
struct StreamSilenceTests {
    @Test func silenceIsCountedFromTheFirstCheckAfterDataAndResetByData() {
        var silence = StreamSilence()
        #expect(silence.nextCheck == 0, "the first check runs at once")
        silence.check(at: 100)
        #expect(silence.seconds == 0 && silence.nextCheck == 101)
        silence.check(at: 102.5)
        #expect(silence.seconds == 2 && silence.shownSeconds == nil, "a short pause is not mentioned")
        silence.check(at: 112.9)
        #expect(silence.shownSeconds == 12)
        silence.heardData()
        #expect(silence.shownSeconds == nil)
        silence.check(at: 113.5)
        silence.check(at: 114.5)
        #expect(silence.seconds == 1, "counted again from the check after the data")
    }

    @Test func theStatusBarShowsTheSilenceInsteadOfASpeedOnlyWhileThinkingOrAnswering() {
        var state = AppState(size: Size(width: 120, height: 30), providerLabel: "fake", modelLabel: "m")
        let answer = Message(
            conversationID: ConversationID("c"), role: .assistant, reasoning: "step 1 step 2", status: .streaming)
        state.messages = [answer]
        state.stream = StreamProgress(messageID: answer.id, phase: .thinking, updatedAt: Date())
        #expect(state.nextDeadline == 0, "a running stream asks the loop for a check")
        _ = Reducer.reduce(&state, .tick(at: 50))
        _ = Reducer.reduce(&state, .tick(at: 62))
        #expect(StatusBarView.summary(state).contains("no data for 12 s"))
        #expect(ReasoningSummary.panelHeader(answer, stream: state.stream).contains("no data for 12 s"))
        state.stream?.phase = .queued
        #expect(!StatusBarView.summary(state).contains("no data"), "a queued request says so already")
        #expect(state.nextDeadline == nil)
    }
}
