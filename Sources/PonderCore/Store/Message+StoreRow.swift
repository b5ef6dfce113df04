import Foundation
import GRDB

extension Message {
    /// The columns `init(storeRow:)` reads.
    static let storeColumns = """
        id, conversation_id, parent_id, role, reasoning, answer, status, error_text, provider, model, \
        prompt_tokens, completion_tokens, reasoning_tokens, cache_hit_tokens, cache_miss_tokens, \
        sent_at, first_byte_at, first_reasoning_at, first_answer_at, finished_at, reasoning_folded, created_at, \
        finish_reason, provider_reasoning, usage_counted
        """

    init(storeRow row: Row) {
        let roleText: String = row["role"]
        let statusText: String = row["status"]
        self.init(
            id: MessageID(row["id"]),
            conversationID: ConversationID(row["conversation_id"]),
            parentID: (row["parent_id"] as String?).map(MessageID.init),
            role: MessageRole(rawValue: roleText) ?? .user,
            reasoning: row["reasoning"],
            answer: row["answer"],
            status: MessageStatus(rawValue: statusText) ?? .interrupted,
            errorText: row["error_text"],
            provider: row["provider"],
            model: row["model"],
            usage: TokenUsage(
                promptTokens: row["prompt_tokens"],
                completionTokens: row["completion_tokens"],
                reasoningTokens: row["reasoning_tokens"],
                cacheHitTokens: row["cache_hit_tokens"],
                cacheMissTokens: row["cache_miss_tokens"],
                counted: row["usage_counted"]),
            timings: ResponseTimings(
                sent: StoredDate.optionalDate(row["sent_at"] as Double?),
                firstByte: StoredDate.optionalDate(row["first_byte_at"] as Double?),
                firstReasoning: StoredDate.optionalDate(row["first_reasoning_at"] as Double?),
                firstAnswer: StoredDate.optionalDate(row["first_answer_at"] as Double?),
                finished: StoredDate.optionalDate(row["finished_at"] as Double?)),
            reasoningFolded: row["reasoning_folded"],
            createdAt: StoredDate.date(row["created_at"] as Double),
            finishReason: (row["finish_reason"] as String?).flatMap(FinishReason.init(rawValue:)),
            providerReasoning: (row["provider_reasoning"] as String?).flatMap(ProviderReasoning.init(storedJSON:)))
    }

    /// Inserts the message or replaces every field of the stored one (and drops any streaming
    /// deltas, which the full text supersedes). While `status` is
    /// `.streaming`, `writer` records which process is writing it (for the start-up sweep).
    /// `keepingFold`: an existing row keeps its `reasoning_folded`, which only the reader's fold
    /// toggles change (a stream's writes must not undo a fold made while it streamed).
    func upsert(_ db: Database, writer: ProcessIdentity?, keepingFold: Bool = false) throws {
        let streamingWriter = status == .streaming ? writer : nil
        let values: [(any DatabaseValueConvertible)?] = [
            id.rawValue, conversationID.rawValue, parentID?.rawValue, role.rawValue, reasoning, answer,
            status.rawValue, errorText.map { SecretRedactor.redact($0) }, provider, model,
            usage.promptTokens, usage.completionTokens, usage.reasoningTokens, usage.cacheHitTokens,
            usage.cacheMissTokens,
            StoredDate.optionalValue(timings.sent), StoredDate.optionalValue(timings.firstByte),
            StoredDate.optionalValue(timings.firstReasoning), StoredDate.optionalValue(timings.firstAnswer),
            StoredDate.optionalValue(timings.finished), reasoningFolded, StoredDate.value(createdAt),
            finishReason?.rawValue, providerReasoning?.storedJSON, usage.counted,
            streamingWriter.map { Int64($0.pid) }, streamingWriter?.startTicks,
        ]
        try db.cachedStatement(
            sql: """
                INSERT INTO messages (\(Self.storeColumns), writer_pid, writer_started)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET
                    conversation_id = excluded.conversation_id, parent_id = excluded.parent_id,
                    role = excluded.role, reasoning = excluded.reasoning, answer = excluded.answer,
                    status = excluded.status, error_text = excluded.error_text, provider = excluded.provider,
                    model = excluded.model, prompt_tokens = excluded.prompt_tokens,
                    completion_tokens = excluded.completion_tokens, reasoning_tokens = excluded.reasoning_tokens,
                    cache_hit_tokens = excluded.cache_hit_tokens, cache_miss_tokens = excluded.cache_miss_tokens,
                    sent_at = excluded.sent_at, first_byte_at = excluded.first_byte_at,
                    first_reasoning_at = excluded.first_reasoning_at, first_answer_at = excluded.first_answer_at,
                    finished_at = excluded.finished_at,
                    reasoning_folded = \(keepingFold ? "messages.reasoning_folded" : "excluded.reasoning_folded"),
                    created_at = excluded.created_at, finish_reason = excluded.finish_reason,
                    provider_reasoning = excluded.provider_reasoning, usage_counted = excluded.usage_counted,
                    writer_pid = excluded.writer_pid,
                    writer_started = excluded.writer_started
                """
        ).execute(arguments: StatementArguments(values))
        try db.cachedStatement(sql: "DELETE FROM message_deltas WHERE message_id = ?").execute(arguments: [id.rawValue])
    }
}
