import PonderCore
import Testing

/// The one title a new conversation gets from its first question, in the app and in `ponder ask`.
@Suite struct ConversationTitleTests {
    @Test func theFirstLineThatIsNotBlankSanitisedAndShort() {
        #expect(Conversation.title(fromQuestion: "review this\n\ndiff --git a b") == "review this")
        #expect(Conversation.title(fromQuestion: "\n   \n  what   is\tthis?  ") == "what is this?")
        #expect(Conversation.title(fromQuestion: "red \u{1B}[31mtext") == "red ␛[31mtext")
        let long = String(repeating: "量子 ", count: 40)
        let title = Conversation.title(fromQuestion: long)
        #expect(title.count == Conversation.questionTitleLength && title.hasSuffix("…"))
        #expect(Conversation.title(fromQuestion: "") == "")
    }
}
