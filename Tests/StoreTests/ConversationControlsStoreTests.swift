import Foundation
import GRDB
import Testing

@testable import PonderCore

/// A conversation's controls and an answer's ending and provider reasoning: saved, reopened, exported,
/// imported, and read from a database written before they existed.
@Suite struct ConversationControlsStoreTests {
    static let blocks = ProviderReasoning(
        format: .anthropic,
        items: [
            ["type": "thinking", "thinking": "Quoted \"x\" and ✓\n", "signature": "EqQB+/sig=="],
            ["type": "redacted_thinking", "data": "EmwKAhgB"],
        ])

    static func sample() -> (Conversation, [Message]) {
        var (conversation, messages) = sampleConversation()
        conversation.controls = ConversationControls(
            provider: "anthropic", model: "claude-sonnet-4-5", effort: .high, maxOutputTokens: 8000,
            systemPrompt: "You review code.\nBugs first.")
        messages[1].finishReason = .length
        messages[1].providerReasoning = blocks
        return (conversation, messages)
    }

    @Test func controlsAndEndingsSurviveAReopen() throws {
        let directory = try TemporaryDirectory()
        let (conversation, messages) = Self.sample()
        let reopened = try saveAndReopen(conversation, messages, in: directory)
        #expect(try reopened.conversation(conversation.id) == conversation)
        #expect(try reopened.messages(in: conversation.id) == messages)
    }

    @Test func settingControlsLeavesTheRestAlone() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, messages) = sampleConversation()
        try store.saveAll(conversations: [conversation], messages: messages)
        let chosen = ConversationControls(provider: "ollama", model: "qwen3", effort: .off, maxOutputTokens: 512)
        try store.setControls(chosen, for: conversation.id)
        var expected = conversation
        expected.controls = chosen
        #expect(try store.conversation(conversation.id) == expected)
        #expect(try store.messages(in: conversation.id) == messages)
        #expect(throws: StoreError.self) { try store.setControls(chosen, for: ConversationID("missing")) }
    }

    @Test func anOlderDatabaseGainsTheColumnsEmpty() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.databaseURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let (conversation, messages) = sampleConversation()
        do {
            let queue = try DatabaseQueue(path: directory.databaseURL.path)
            try StoreSchema.migrator.migrate(queue, upTo: StoreSchema.v4)
            try queue.write { db in
                try insertVersionOne(conversation, db)
                for message in messages { try insertVersionOne(message, db) }
            }
        }
        let store = try ConversationStore.open(at: directory.databaseURL)
        let reopened = try #require(try store.conversation(conversation.id))
        #expect(reopened.systemPrompt == "Be precise.")
        #expect(reopened.effort == nil && reopened.maxOutputTokens == nil)
        let answers = try store.messages(in: conversation.id)
        #expect(answers.count == 2 && answers.allSatisfy { $0.finishReason == nil && $0.providerReasoning == nil })
        try store.setControls(ConversationControls(effort: .max), for: conversation.id)
        #expect(try store.conversation(conversation.id)?.effort == .max)
    }

    @Test func theStreamWriterKeepsTheEndingAndTheProviderRecord() async throws {
        let store = try ConversationStore.inMemory()
        let conversation = Conversation(title: "t")
        try store.save(conversation)
        let reply = Message(conversationID: conversation.id, role: .assistant, status: .streaming)
        let writer = StreamingMessageWriter(store: store, message: reply, flushInterval: .seconds(60))
        writer.appendReasoning("Quoted \"x\" and ✓\n")
        writer.record(Self.blocks)
        await writer.finish(status: .complete, errorText: nil, finishReason: .length)
        let stored = try #require(try store.message(reply.id))
        #expect(stored.finishReason == .length)
        #expect(stored.providerReasoning == Self.blocks)
        #expect(ResponseEnding(stored) == .budgetUsedWhileThinking)
    }

    @Test func exportAndImportCarryEverything() throws {
        let source = try ConversationStore.inMemory()
        let (conversation, messages) = Self.sample()
        try source.saveAll(conversations: [conversation], messages: messages)
        let exported = try source.exportJSON(conversation.id, exportedAt: Date(timeIntervalSince1970: 1_800_000_000))
        let json = try JSONValue.parse(Array(exported))
        #expect(json["conversation"]?["system_prompt"] == "You review code.\nBugs first.")
        #expect(json["conversation"]?["thinking_effort"] == "high")
        #expect(json["conversation"]?["max_output_tokens"] == 8000)
        #expect(json["messages"]?[1]?["finish_reason"] == "length")
        #expect(json["messages"]?[1]?["provider_reasoning"]?["format"] == "anthropic")
        #expect(json["messages"]?[1]?["provider_reasoning"]?["items"] == .array(Self.blocks.items))
        #expect(json["messages"]?[0]?["provider_reasoning"] == nil, "absent values are omitted")

        let target = try ConversationStore.inMemory()
        let imported = try target.importJSON(exported)
        #expect(try target.conversation(imported) == conversation)
        #expect(try target.messages(in: imported) == messages)
    }

    @Test func importReadsUnknownLevelsAsUnset() throws {
        let store = try ConversationStore.inMemory()
        let (conversation, messages) = Self.sample()
        try store.saveAll(conversations: [conversation], messages: messages)
        var text = String(decoding: try store.exportJSON(conversation.id), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"high\"", with: "\"ludicrous\"")
        text = text.replacingOccurrences(of: "\"length\"", with: "\"a-new-reason\"")
        try store.delete(conversation.id)
        let imported = try store.importJSON(Data(text.utf8))
        #expect(try store.conversation(imported)?.effort == nil)
        #expect(try store.conversation(imported)?.systemPrompt == "You review code.\nBugs first.")
        #expect(try store.messages(in: imported)[1].finishReason == nil)
    }
}
