import GRDB

/// The database schema as a sequence of named migrations. Never edit a shipped migration: add
/// the next one (`v3-…`). A file that lists a migration this build does not know comes from a
/// newer Ponder and is refused.
enum StoreSchema {
    static let v1 = "v1-conversations-and-messages"
    static let v2 = "v2-full-text-search"
    static let v3 = "v3-streaming-deltas"
    static let v4 = "v4-listing-counts"
    static let conversationControls = "v5-conversation-controls"
    static let importOrigins = "v6-import-origins"
    static let countedUsage = "v7-counted-usage"
    static let quietDeltas = "v8-streamed-deltas-leave-the-change-counter"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1, migrate: createConversationsAndMessages)
        migrator.registerMigration(v2, migrate: createFullTextSearch)
        migrator.registerMigration(v3, migrate: createStreamingDeltas)
        migrator.registerMigration(v4, migrate: createListingCounts)
        migrator.registerMigration(conversationControls, migrate: addConversationControls)
        migrator.registerMigration(importOrigins, migrate: createImportOrigins)
        migrator.registerMigration(countedUsage, migrate: addCountedUsage)
        migrator.registerMigration(quietDeltas, migrate: dropDeltaCounting)
        return migrator
    }

    /// Conversations, messages (with their writer process while streaming) and a change counter
    /// that every committed change bumps, so other processes can cheaply tell that they must refresh.
    private static func createConversationsAndMessages(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE conversations (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL DEFAULT '',
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    pinned INTEGER NOT NULL DEFAULT 0,
                    archived INTEGER NOT NULL DEFAULT 0,
                    provider TEXT,
                    model TEXT,
                    system_prompt TEXT
                );
                CREATE INDEX conversations_by_listing ON conversations(archived, pinned DESC, updated_at DESC);

                CREATE TABLE messages (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    conversation_id TEXT NOT NULL
                        REFERENCES conversations(id) ON DELETE CASCADE ON UPDATE CASCADE,
                    parent_id TEXT,
                    role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
                    reasoning TEXT NOT NULL DEFAULT '',
                    answer TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL
                        CHECK (status IN ('streaming', 'complete', 'interrupted', 'failed', 'cancelled')),
                    error_text TEXT,
                    provider TEXT,
                    model TEXT,
                    prompt_tokens INTEGER,
                    completion_tokens INTEGER,
                    reasoning_tokens INTEGER,
                    cache_hit_tokens INTEGER,
                    cache_miss_tokens INTEGER,
                    sent_at REAL,
                    first_byte_at REAL,
                    first_reasoning_at REAL,
                    first_answer_at REAL,
                    finished_at REAL,
                    reasoning_folded INTEGER,
                    created_at REAL NOT NULL,
                    writer_pid INTEGER,
                    writer_started INTEGER
                );
                CREATE INDEX messages_by_conversation ON messages(conversation_id, created_at, seq);
                CREATE INDEX messages_by_parent ON messages(parent_id) WHERE parent_id IS NOT NULL;
                CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';

                CREATE TABLE store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
                INSERT INTO store_meta (key, value) VALUES ('changes', 0);
                """)
        for table in ["conversations", "messages"] {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(
                    sql: """
                        CREATE TRIGGER \(table)_count_\(event.lowercased()) AFTER \(event) ON \(table)
                        BEGIN UPDATE store_meta SET value = value + 1 WHERE key = 'changes'; END
                        """)
            }
        }
    }

    /// One contentless FTS5 table over titles, answers and reasoning with the trigram tokenizer
    /// (substring matching that works for Chinese and other scripts without spaces). Row ids encode
    /// the source: `seq * 4 + field` (0 title, 1 answer, 2 reasoning). Messages are indexed only
    /// once they leave `streaming`, so flushing a growing trace never re-indexes it.
    private static func createFullTextSearch(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'trigram', content = '');

                CREATE TRIGGER search_title_insert AFTER INSERT ON conversations BEGIN
                    INSERT INTO search_index (rowid, body) SELECT new.seq * 4, new.title WHERE new.title != '';
                END;
                CREATE TRIGGER search_title_update AFTER UPDATE OF title ON conversations BEGIN
                    INSERT INTO search_index (search_index, rowid, body)
                        SELECT 'delete', old.seq * 4, old.title WHERE old.title != '';
                    INSERT INTO search_index (rowid, body) SELECT new.seq * 4, new.title WHERE new.title != '';
                END;
                CREATE TRIGGER search_title_delete AFTER DELETE ON conversations BEGIN
                    INSERT INTO search_index (search_index, rowid, body)
                        SELECT 'delete', old.seq * 4, old.title WHERE old.title != '';
                END;

                CREATE TRIGGER search_message_insert AFTER INSERT ON messages
                WHEN new.status != 'streaming' BEGIN
                    INSERT INTO search_index (rowid, body) SELECT new.seq * 4 + 1, new.answer WHERE new.answer != '';
                    INSERT INTO search_index (rowid, body)
                        SELECT new.seq * 4 + 2, new.reasoning WHERE new.reasoning != '';
                END;
                CREATE TRIGGER search_message_update AFTER UPDATE OF reasoning, answer, status ON messages BEGIN
                    INSERT INTO search_index (search_index, rowid, body)
                        SELECT 'delete', old.seq * 4 + 1, old.answer WHERE old.status != 'streaming' AND old.answer != '';
                    INSERT INTO search_index (search_index, rowid, body)
                        SELECT 'delete', old.seq * 4 + 2, old.reasoning
                        WHERE old.status != 'streaming' AND old.reasoning != '';
                    INSERT INTO search_index (rowid, body)
                        SELECT new.seq * 4 + 1, new.answer WHERE new.status != 'streaming' AND new.answer != '';
                    INSERT INTO search_index (rowid, body)
                        SELECT new.seq * 4 + 2, new.reasoning WHERE new.status != 'streaming' AND new.reasoning != '';
                END;
                CREATE TRIGGER search_message_delete AFTER DELETE ON messages
                WHEN old.status != 'streaming' BEGIN
                    INSERT INTO search_index (search_index, rowid, body)
                        SELECT 'delete', old.seq * 4 + 1, old.answer WHERE old.answer != '';
                    INSERT INTO search_index (search_index, rowid, body)
                        SELECT 'delete', old.seq * 4 + 2, old.reasoning WHERE old.reasoning != '';
                END;

                INSERT INTO search_index (rowid, body) SELECT seq * 4, title FROM conversations WHERE title != '';
                INSERT INTO search_index (rowid, body)
                    SELECT seq * 4 + 1, answer FROM messages WHERE status != 'streaming' AND answer != '';
                INSERT INTO search_index (rowid, body)
                    SELECT seq * 4 + 2, reasoning FROM messages WHERE status != 'streaming' AND reasoning != '';
                """)
    }

    /// Runs `body` (which only inserts messages) with the per-row index trigger of messages set
    /// aside, then indexes every message it added in one statement, as `search_message_insert`
    /// would have, and puts the trigger back, all inside the caller's transaction: other connections
    /// never see the trigger missing. Indexing a batch of imported messages this way is about three
    /// times faster than row by row (docs/decisions.md).
    static func withBulkMessageIndexing<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        guard
            let trigger = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_message_insert'")
        else { return try body() }
        let last = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM messages") ?? 0
        try db.execute(sql: "DROP TRIGGER search_message_insert")
        let result = try body()
        try db.execute(
            sql: """
                INSERT INTO search_index (rowid, body)
                    SELECT seq * 4 + 1, answer FROM messages WHERE seq > ? AND status != 'streaming' AND answer != ''
                    UNION ALL
                    SELECT seq * 4 + 2, reasoning FROM messages
                    WHERE seq > ? AND status != 'streaming' AND reasoning != ''
                """, arguments: [last, last])
        try db.execute(sql: trigger)
        return result
    }

    /// Text that arrived for a still-streaming message since its row was last written in full.
    /// Appending a small row per flush keeps flushes cheap however long the trace grows; the final
    /// write (or the start-up sweep) folds the deltas back into the message and deletes them.
    private static func createStreamingDeltas(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE message_deltas (
                    seq INTEGER PRIMARY KEY,
                    message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE ON UPDATE CASCADE,
                    field TEXT NOT NULL CHECK (field IN ('reasoning', 'answer')),
                    text TEXT NOT NULL
                );
                CREATE INDEX message_deltas_by_message ON message_deltas(message_id, seq);
                CREATE TRIGGER message_deltas_count_insert AFTER INSERT ON message_deltas
                BEGIN UPDATE store_meta SET value = value + 1 WHERE key = 'changes'; END;
                """)
    }

    /// Each conversation keeps its number of messages in `message_count`, maintained by triggers
    /// (the history list must not count messages row by row), and the list reads conversations
    /// through an index in exactly its display order, archived or not.
    private static func createListingCounts(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE conversations ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0;
                UPDATE conversations
                    SET message_count = (SELECT count(*) FROM messages WHERE conversation_id = conversations.id);

                CREATE TRIGGER message_count_insert AFTER INSERT ON messages BEGIN
                    UPDATE conversations SET message_count = message_count + 1 WHERE id = new.conversation_id;
                END;
                CREATE TRIGGER message_count_delete AFTER DELETE ON messages BEGIN
                    UPDATE conversations SET message_count = message_count - 1 WHERE id = old.conversation_id;
                END;
                CREATE TRIGGER message_count_move AFTER UPDATE OF conversation_id ON messages
                WHEN old.conversation_id IS NOT new.conversation_id BEGIN
                    UPDATE conversations
                        SET message_count = (SELECT count(*) FROM messages WHERE conversation_id = conversations.id)
                        WHERE id IN (old.conversation_id, new.conversation_id);
                END;

                DROP INDEX conversations_by_listing;
                CREATE INDEX conversations_listed ON conversations(archived, pinned DESC, updated_at DESC, seq DESC);
                CREATE INDEX conversations_listed_with_archived
                    ON conversations(pinned DESC, updated_at DESC, seq DESC);
                """)
    }

    /// What a conversation chose for itself besides provider, model and system prompt (which v1 has):
    /// its thinking level and answer budget. Messages keep why the provider ended them (a `length`
    /// finish with no answer is a budget used up while thinking) and the provider's own record of the
    /// reasoning (JSON: Anthropic signed thinking blocks, OpenRouter reasoning details) so that it can
    /// be sent back unaltered.
    /// Whether a message's token figures were counted by Ponder (the provider reported none).
    private static func addCountedUsage(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE messages ADD COLUMN usage_counted INTEGER NOT NULL DEFAULT 0")
    }

    private static func addConversationControls(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE conversations ADD COLUMN thinking_effort TEXT;
                ALTER TABLE conversations ADD COLUMN max_output_tokens INTEGER;
                ALTER TABLE messages ADD COLUMN finish_reason TEXT;
                ALTER TABLE messages ADD COLUMN provider_reasoning TEXT;
                """)
    }

    /// Where imported conversations and messages came from: the source (`llm`, `open-webui`, …) and
    /// the source's own ids (message ids are only unique within their conversation; the
    /// conversation's own row has an empty message id). Importing the same file again finds its
    /// records here and adds only what is new. Rows go with the conversation or message they
    /// describe, so a deleted conversation can be imported again.
    private static func createImportOrigins(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE import_origins (
                    source TEXT NOT NULL,
                    conversation_source_id TEXT NOT NULL,
                    message_source_id TEXT NOT NULL DEFAULT '',
                    conversation_id TEXT NOT NULL
                        REFERENCES conversations(id) ON DELETE CASCADE ON UPDATE CASCADE,
                    message_id TEXT REFERENCES messages(id) ON DELETE CASCADE ON UPDATE CASCADE,
                    PRIMARY KEY (source, conversation_source_id, message_source_id)
                ) WITHOUT ROWID;
                CREATE INDEX import_origins_by_conversation ON import_origins(conversation_id);
                CREATE INDEX import_origins_by_message ON import_origins(message_id) WHERE message_id IS NOT NULL;
                """)
    }

    /// The change counter tells other processes (and the app itself) to list the conversations
    /// again. A streamed delta changes nothing a list shows (titles, times, message counts; the
    /// answer's row is written, and counted, when it ends), yet bumping the counter on every flush
    /// made a streaming app read its whole list again every second.
    private static func dropDeltaCounting(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER IF EXISTS message_deltas_count_insert")
    }
}
