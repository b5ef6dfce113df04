import Foundation
import PonderCore
import TestSupport
import Testing

@Suite struct OtermImportTests {
    /// The fixture made by oterm's own store (see Tests/ImportFixtures/README.md).
    @Test func chatsAndMessagesFromTheRealStore() throws {
        let directory = try TemporaryDirectory(prefix: "ponder-oterm")
        let url = try ImportFixtures.copy("oterm-store.db", into: directory.url)
        let plan = try OtermParser.plan(databaseAt: url, file: "store.db")
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(plan.conversations.count >= 2)
        for conversation in plan.conversations {
            #expect(!conversation.messages.isEmpty)
            #expect(conversation.messages.first?.role == .user)
            for (index, message) in conversation.messages.enumerated().dropFirst() {
                #expect(message.parentSourceID == conversation.messages[index - 1].sourceID)
                #expect(message.createdAt > conversation.messages[index - 1].createdAt)
            }
        }
        let answers = plan.conversations.flatMap(\.messages).filter { $0.role == .assistant }
        #expect(answers.contains { $0.answer.hasPrefix("You said: “") })
        #expect(plan.conversations.contains { $0.model == "fake-reasoner" })
    }

    @Test func importingTwiceAddsNothing() throws {
        let directory = try TemporaryDirectory(prefix: "ponder-oterm-twice")
        let url = try ImportFixtures.copy("oterm-store.db", into: directory.url)
        let store = try ConversationStore.inMemory()
        let plan = try OtermParser.plan(databaseAt: url, file: "store.db")
        let first = try store.importPlan(plan)
        #expect(first.newConversations == plan.conversations.count)
        let again = try store.importPlan(try OtermParser.plan(databaseAt: url, file: "store.db"))
        #expect(again.newConversations == 0 && again.newMessages == 0)
    }
}
