import Foundation
import PonderCore
import TestSupport
import TestTraits
import Testing

/// `ponder import` on files that are damaged or not what was expected.
@Suite(.ownThreads) struct ImportBadInputTests {
    /// An export whose second message names a parent that is not in the file.
    static func danglingExport() -> String {
        """
        {"format": "ponder.conversation", "version": 1, "exported_at": 1750000000,
         "conversation": {"id": "6f1d2c3b-4a59-4e68-9d7c-0b1a2c3d4e5f", "title": "Dangling", "created_at": 1750000000,
                          "updated_at": 1750000010, "pinned": false, "archived": false},
         "messages": [
           {"id": "1a2b3c4d-0000-4000-8000-000000000001", "role": "user", "status": "complete", "reasoning": "",
            "answer": "first question", "created_at": 1750000000, "usage": {}, "timings": {}},
           {"id": "1a2b3c4d-0000-4000-8000-000000000002", "parent_id": "9f9f9f9f-0000-4000-8000-00000000dead",
            "role": "assistant", "status": "complete", "reasoning": "", "answer": "orphan answer",
            "created_at": 1750000005, "usage": {}, "timings": {}}
         ]}
        """
    }

    @Test func aDanglingParentIsRepairedAndTheRecordNamed() throws {
        let cli = try CLIHarness()
        let file = cli.directory.url.appendingPathComponent("dangling.json")
        try Data(Self.danglingExport().utf8).write(to: file)
        let result = try cli.run(["import", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1a2b3c4d-0000-4000-8000-000000000002"), "names the message: \(result.stderr)")
        #expect(
            result.stderr.contains("9f9f9f9f-0000-4000-8000-00000000dead"), "names the missing parent: \(result.stderr)"
        )
        let store = try ConversationStore.open(at: cli.databaseURL)
        let messages = try store.messages(in: ConversationID("6f1d2c3b-4a59-4e68-9d7c-0b1a2c3d4e5f"))
        let ids = Set(messages.map(\.id))
        #expect(messages.count == 2)
        #expect(messages.allSatisfy { $0.parentID == nil || ids.contains($0.parentID!) }, "\(messages.map(\.parentID))")
    }

    @Test func aJSONArrayIsDescribedNotCalledNotJSON() throws {
        let store = try ConversationStore.inMemory()
        let error = #expect(throws: StoreError.self) { try store.importJSON(Data("[1, 2, 3]".utf8)) }
        #expect(error?.kind == .invalidData)
        let message = error?.message ?? ""
        #expect(!message.contains("not JSON"), "\(message)")
        #expect(message.contains("array") && message.contains("3 items"), "says what was found: \(message)")
        #expect(message.contains("ponder.conversation"), "says what was expected: \(message)")
    }

    @Test func deepNestingIsReportedWithoutRecursingWithoutBound() throws {
        let store = try ConversationStore.inMemory()
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = #expect(throws: StoreError.self) { try store.importJSON(Data(deep.utf8)) }
        #expect(error?.kind == .invalidData)
        let message = error?.message ?? ""
        #expect(!message.contains("not JSON"), "\(message)")
        #expect(message.contains("deep"), "says the nesting is too deep: \(message)")
    }
}
