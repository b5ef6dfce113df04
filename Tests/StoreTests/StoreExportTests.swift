import Foundation
import Testing

@testable import PonderCore

@Suite struct StoreExportTests {
    @Test func jsonRoundTripLosesNothing() throws {
        let source = try ConversationStore.inMemory()
        let (conversation, messages) = sampleConversation()
        try source.saveAll(conversations: [conversation], messages: messages)
        let when = Date(timeIntervalSince1970: 1_750_000_000)
        let exported = try source.exportJSON(conversation.id, exportedAt: when)

        let target = try ConversationStore.inMemory()
        let importedID = try target.importJSON(exported)
        #expect(importedID == conversation.id)
        #expect(try target.exportJSON(importedID, exportedAt: when) == exported)
        let imported = try target.messages(in: importedID)
        #expect(imported.map(\.id) == messages.map(\.id))
        #expect(imported.map(\.parentID) == messages.map(\.parentID))
        #expect(imported.map(\.reasoning) == messages.map(\.reasoning))
        #expect(imported.map(\.usage) == messages.map(\.usage))
        for (copy, original) in zip(imported, messages) {
            #expect(abs(copy.createdAt.timeIntervalSince(original.createdAt)) < 1e-6)
            #expect((copy.timings.finished == nil) == (original.timings.finished == nil))
            if let finished = copy.timings.finished, let originalFinished = original.timings.finished {
                #expect(abs(finished.timeIntervalSince(originalFinished)) < 1e-6)
            }
        }
        let header = try #require(try target.conversation(importedID))
        #expect(header.title == conversation.title && header.systemPrompt == conversation.systemPrompt)
        #expect(abs(header.updatedAt.timeIntervalSince(conversation.updatedAt)) < 1e-6)
    }

    @Test func jsonUsesTheDocumentedSchema() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, messages) = sampleConversation()
        try store.saveAll(conversations: [conversation], messages: messages)
        let object = try JSONSerialization.jsonObject(with: try store.exportJSON(conversation.id)) as? [String: Any]
        #expect(object?["format"] as? String == "ponder.conversation")
        #expect(object?["version"] as? Int == 1)
        let exportedMessages = try #require(object?["messages"] as? [[String: Any]])
        let reply = exportedMessages[1]
        #expect(reply["parent_id"] as? String == messages[0].id.rawValue)
        #expect((reply["usage"] as? [String: Any])?["cache_hit_tokens"] as? Int == 100)
        #expect((reply["timings"] as? [String: Any])?["first_reasoning"] as? Double != nil)
        #expect(reply["reasoning_folded"] as? Bool == true)
    }

    @Test func importingAConversationThatIsAlreadyHereAddsNothing() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, messages) = sampleConversation()
        try store.saveAll(conversations: [conversation], messages: messages)
        let exported = try store.exportJSON(conversation.id)
        #expect(try store.importJSON(exported) == conversation.id)
        #expect(try store.messages(in: conversation.id) == messages)
        #expect(try store.listConversations().count == 1)
    }

    @Test func messageIdsTakenByAnotherConversationGetFreshIdsOnce() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, messages) = sampleConversation()
        try store.saveAll(conversations: [conversation], messages: messages)
        var export = try #require(
            try JSONSerialization.jsonObject(with: store.exportJSON(conversation.id)) as? [String: Any])
        var header = try #require(export["conversation"] as? [String: Any])
        header["id"] = "0f0e0d0c-0b0a-4908-8706-050403020100"
        export["conversation"] = header
        let copy = try JSONSerialization.data(withJSONObject: export)
        let copyID = try store.importJSON(copy)
        #expect(copyID.rawValue == "0f0e0d0c-0b0a-4908-8706-050403020100")
        let copies = try store.messages(in: copyID)
        #expect(copies.count == 2)
        #expect(Set(copies.map(\.id)).isDisjoint(with: messages.map(\.id)))
        #expect(copies[1].parentID == copies[0].id)
        #expect(copies.map(\.answer) == messages.map(\.answer))
        #expect(try store.messages(in: conversation.id) == messages)
        #expect(try store.importJSON(copy) == copyID)
        #expect(try store.messages(in: copyID).count == 2, "the remapped messages are recognised the second time")
    }

    @Test func streamingMessagesImportAsInterrupted() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, sample) = sampleConversation()
        var messages = sample
        messages[1].status = .streaming
        try store.saveAll(conversations: [conversation], messages: messages)
        let target = try ConversationStore.inMemory()
        let id = try target.importJSON(try store.exportJSON(conversation.id))
        #expect(try target.messages(in: id).last?.status == .interrupted)
    }

    @Test func badImportsAreRefusedClearly() throws {
        let store = try ConversationStore.inMemory()
        let notJSON = #expect(throws: StoreError.self) { try store.importJSON(Data("hello".utf8)) }
        #expect(notJSON?.kind == .invalidData)
        let foreign = #expect(throws: StoreError.self) { try store.importJSON(Data(#"{"messages": []}"#.utf8)) }
        #expect(foreign?.message.contains("ponder.conversation") == true)
        let newer = #expect(throws: StoreError.self) {
            try store.importJSON(Data(#"{"format": "ponder.conversation", "version": 7}"#.utf8))
        }
        #expect(newer?.kind == .newerVersion)
        let missing = #expect(throws: StoreError.self) {
            try store.importJSON(
                Data(#"{"format": "ponder.conversation", "version": 1, "exported_at": 0, "messages": []}"#.utf8))
        }
        #expect(missing?.message.contains("conversation") == true)
        #expect(try store.listConversations().isEmpty)
    }

    @Test func markdownHasHeaderUsageAndFoldedReasoning() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, messages) = sampleConversation(
            reasoning: "Step one.\nStep two.", answer: "Actors are reentrant.")
        try store.saveAll(conversations: [conversation], messages: messages)
        let markdown = try store.exportMarkdown(conversation.id)
        #expect(markdown.hasPrefix("# Actor reentrancy\n"))
        #expect(markdown.contains("- Model: deepseek-reasoner"))
        #expect(markdown.contains("120 prompt, 100 cache hit, 20 cache miss, 900 completion, 700 reasoning"))
        #expect(
            markdown.contains("<details>\n<summary>Thinking (10.5 s)</summary>\n\nStep one.\nStep two.\n\n</details>"))
        #expect(markdown.contains("## Assistant · deepseek-reasoner"))
        #expect(markdown.contains("thought for 10.5 s"))
        #expect(markdown.contains("> Be precise."))
        let reasoningEnd = try #require(markdown.range(of: "</details>"))
        let answer = try #require(markdown.range(of: "Actors are reentrant."))
        #expect(reasoningEnd.upperBound < answer.lowerBound)
    }

    @Test func unknownConversationsCannotBeExported() throws {
        let store = try ConversationStore.inMemory()
        #expect(throws: StoreError.self) { try store.exportMarkdown(ConversationID("nope")) }
        #expect(throws: StoreError.self) { try store.exportJSON(ConversationID("nope")) }
    }
}
