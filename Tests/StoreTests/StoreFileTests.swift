import Foundation
import GRDB
import Testing

@testable import PonderCore

@Suite struct StoreFileTests {
    private func permissions(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func defaultLocationFollowsXDGDataHome() throws {
        let directory = try TemporaryDirectory()
        let paths = XDGPaths(environment: ["HOME": directory.url.path, "XDG_DATA_HOME": directory.url.path + "/xdg"])
        let store = try ConversationStore.openDefault(paths: paths)
        #expect(store.fileURL?.path == directory.url.path + "/xdg/ponder/ponder.sqlite")
        #expect(FileManager.default.fileExists(atPath: directory.url.path + "/xdg/ponder/ponder.sqlite"))
    }

    @Test func directoryAndFilesArePrivate() throws {
        let directory = try TemporaryDirectory()
        let url = directory.databaseURL
        let store = try ConversationStore.open(at: url)
        try store.save(Conversation(title: "private"))
        #expect(try permissions(url.deletingLastPathComponent()) == 0o700)
        #expect(try permissions(url) == 0o600)
        #expect(try permissions(URL(fileURLWithPath: url.path + "-wal")) == 0o600)
    }

    @Test func walModeAndMigrationsAreInPlace() throws {
        let directory = try TemporaryDirectory()
        let store = try ConversationStore.open(at: directory.databaseURL)
        let (mode, applied) = try store.database.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            )
        }
        #expect(mode == "wal")
        #expect(
            applied == [
                StoreSchema.v1, StoreSchema.v2, StoreSchema.v3, StoreSchema.v4, StoreSchema.conversationControls,
                StoreSchema.importOrigins, StoreSchema.countedUsage, StoreSchema.quietDeltas,
            ])
        #expect(applied.allSatisfy { $0.hasPrefix("v") })
    }

    @Test func reopeningKeepsEverything() throws {
        let directory = try TemporaryDirectory()
        let (conversation, messages) = sampleConversation()
        let reopened = try saveAndReopen(conversation, messages, in: directory)
        #expect(try reopened.conversation(conversation.id) == conversation)
        #expect(try reopened.messages(in: conversation.id) == messages)
        #expect(try reopened.search("reentrant").count == 1)
    }

    @Test func aVersionOneFileIsUpgraded() throws {
        let directory = try TemporaryDirectory()
        let (conversation, messages) = sampleConversation(reasoning: "old thoughts about monads")
        do {
            try FileManager.default.createDirectory(
                at: directory.databaseURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            let pool = try DatabasePool(path: directory.databaseURL.path)
            try StoreSchema.migrator.migrate(pool, upTo: StoreSchema.v1)
            try pool.write { db in
                try insertVersionOne(conversation, db)
                for message in messages {
                    try db.execute(
                        sql: """
                            INSERT INTO messages (id, conversation_id, parent_id, role, reasoning, answer, status,
                                prompt_tokens, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            message.id.rawValue, message.conversationID.rawValue, message.parentID?.rawValue,
                            message.role.rawValue, message.reasoning, message.answer, message.status.rawValue,
                            message.usage.promptTokens, message.createdAt.timeIntervalSinceReferenceDate,
                        ])
                }
                #expect(try db.tableExists("search_index") == false)
                #expect(try db.tableExists("message_deltas") == false)
            }
        }
        let store = try ConversationStore.open(at: directory.databaseURL)
        let upgraded = try store.messages(in: conversation.id)
        #expect(upgraded.map(\.id) == messages.map(\.id))
        #expect(upgraded.map(\.parentID) == messages.map(\.parentID))
        #expect(upgraded.map(\.reasoning) == messages.map(\.reasoning))
        #expect(upgraded.map(\.usage.promptTokens) == messages.map(\.usage.promptTokens))
        #expect(upgraded.map(\.createdAt) == messages.map(\.createdAt))
        #expect(try store.conversation(conversation.id) == conversation)
        #expect(try store.search("monads").first?.field == .reasoning)
        #expect(try store.search("reentrancy").contains { $0.field == .title })
    }

    @Test func aFileFromANewerPonderIsRefusedAndLeftAlone() throws {
        let directory = try TemporaryDirectory()
        let (conversation, messages) = sampleConversation()
        do {
            let store = try ConversationStore.open(at: directory.databaseURL)
            try store.saveAll(conversations: [conversation], messages: messages)
            try store.database.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
            }
        }
        let error = #expect(throws: StoreError.self) { try ConversationStore.open(at: directory.databaseURL) }
        #expect(error?.kind == .newerVersion)
        #expect(error?.message.contains(directory.databaseURL.path) == true)
        #expect(error?.message.contains("newer") == true)
        let pool = try DatabasePool(path: directory.databaseURL.path)
        let count = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM messages") }
        #expect(count == messages.count)
    }

    @Test func aGarbageFileGetsAClearErrorAndCanBeMovedAside() throws {
        let directory = try TemporaryDirectory()
        let url = directory.databaseURL
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: url)
        let error = #expect(throws: StoreError.self) { try ConversationStore.open(at: url) }
        #expect(error?.kind == .corrupt)
        #expect(error?.message.contains(url.path) == true)
        #expect(error?.file?.path == url.path)
        #expect(try Data(contentsOf: url) == garbage)

        let moved = try ConversationStore.moveAside(url, now: Date(timeIntervalSince1970: 1_750_000_000))
        #expect(moved.lastPathComponent == "ponder.sqlite.corrupt-20250615-150640")
        #expect(try Data(contentsOf: moved) == garbage)
        let fresh = try ConversationStore.open(at: url)
        #expect(try fresh.listConversations().isEmpty)
        let again = try ConversationStore.moveAside(url, now: Date(timeIntervalSince1970: 1_750_000_000))
        #expect(again.lastPathComponent == "ponder.sqlite.corrupt-20250615-150640-2")
    }

    @Test func aDirectoryInPlaceOfTheFileIsReported() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.databaseURL, withIntermediateDirectories: true)
        let error = #expect(throws: StoreError.self) { try ConversationStore.open(at: directory.databaseURL) }
        #expect(error?.kind == .unreadable)
        #expect(error?.message.contains(directory.databaseURL.path) == true)
    }

    @Test func anAPIKeyNeverReachesTheDatabaseOrExports() throws {
        let directory = try TemporaryDirectory()
        let secret = "sk-test-4f9c2e7a1b3d5e6f7a8b9c0d"
        let settings = ProviderSettings(
            name: "deepseek", kind: .deepseek, baseURL: "https://api.deepseek.com", model: "deepseek-reasoner",
            apiKey: APIKey(value: secret, source: "the DEEPSEEK_API_KEY environment variable"))
        let store = try ConversationStore.open(at: directory.databaseURL)
        var (conversation, messages) = sampleConversation()
        conversation.provider = settings.name
        conversation.model = settings.model
        conversation.title = "Conversation with \(settings.name) \(settings.apiKey!)"
        try store.saveAll(conversations: [conversation], messages: messages)
        messages[1].errorText = "\(settings.apiKey!) was rejected"
        try store.save(messages[1])
        let exports = [
            try store.exportJSON(conversation.id), Data(try store.exportMarkdown(conversation.id).utf8),
        ]
        var files: [Data] = []
        for suffix in ["", "-wal"] {
            files.append(try Data(contentsOf: URL(fileURLWithPath: directory.databaseURL.path + suffix)))
        }
        #expect(files.contains { $0.range(of: Data("deepseek-reasoner".utf8)) != nil })
        for data in files + exports {
            #expect(data.range(of: Data(secret.utf8)) == nil)
        }
    }
}
