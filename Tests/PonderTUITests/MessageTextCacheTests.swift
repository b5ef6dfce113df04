import PonderTUI
import Testing

@testable import PonderCore

/// The rendered-text cache keeps what frames draw and drops, past its budget, what they stopped drawing.
@Suite struct MessageTextCacheTests {
    static func message(_ text: String) -> Message {
        Message(conversationID: ConversationID("c"), role: .assistant, reasoning: text)
    }

    @Test func textsNotDrawnLatelyAreDroppedOncePastTheBudget() {
        let cache = MessageTextCache(byteBudget: 1_000)
        let old = Self.message(String(repeating: "a", count: 600))
        let newer = Self.message(String(repeating: "b", count: 600))
        _ = cache.text(.reasoning, of: old)
        cache.endFrame()
        #expect(cache.count == 1)
        _ = cache.text(.reasoning, of: newer)
        cache.endFrame()
        // Over the budget: the text the last frame did not draw goes, the one it drew stays.
        #expect(cache.count == 1)
        let drawn = cache.text(.reasoning, of: newer)
        #expect(drawn.text == newer.reasoning)
        cache.endFrame()
        // A dropped text comes back whole when it is drawn again.
        #expect(cache.text(.reasoning, of: old).text == old.reasoning)
    }

    /// The outline is fed what arrives in place: were its text shared while it is fed, every frame of a
    /// streaming trace would copy the whole trace.
    @Test func feedingTheOutlineKeepsItsTextInPlace() {
        let cache = MessageTextCache()
        var message = Message(conversationID: ConversationID("c"), role: .assistant, status: .streaming)
        var moves = 0
        var last: UnsafeRawPointer?
        for index in 0..<2_000 {
            message.reasoning += "step \(index). "
            let address = cache.outline(of: message).bytes.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            if address != last { moves += 1 }
            last = address
            cache.endFrame()
        }
        // Appending in place moves the text only when its capacity grows (about 15 times for 24 KB).
        #expect(moves < 40)
    }

    @Test func whatOneFrameDrawsIsKeptWhateverItsSize() {
        let cache = MessageTextCache(byteBudget: 100)
        let first = Self.message(String(repeating: "x", count: 500))
        let second = Self.message(String(repeating: "y", count: 500))
        _ = cache.text(.reasoning, of: first)
        _ = cache.text(.reasoning, of: second)
        cache.endFrame()
        #expect(cache.count == 2)
    }

    @Test func aStreamingTextIsFedOnlyWhatArrived() {
        let cache = MessageTextCache()
        var message = Self.message("first ")
        message.status = .streaming
        let markdown = cache.text(.reasoning, of: message)
        message.reasoning += "second"
        #expect(cache.text(.reasoning, of: message) === markdown)
        #expect(markdown.text == "first second")
    }
}
