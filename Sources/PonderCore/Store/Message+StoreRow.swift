import Foundation
import GRDB

extension Message {
    /// The columns `init(storeRow:)` reads, by their place in the row (as `Conversation.StoreColumn`):
    /// every query that decodes a message selects `storeColumns` first.
    enum StoreColumn: Int, StoreColumnList {
        case id, conversationID, parentID, role, reasoning, answer, status, errorText, provider, model, promptTokens
        case completionTokens, reasoningTokens, cacheHitTokens, cacheMissTokens, sentAt, firstByteAt
        case firstReasoningAt, firstAnswerAt, finishedAt, reasoningFolded, createdAt, finishReason
        case providerReasoning, usageCounted

        var name: String {
            switch self {
            case .id: "id"
            case .conversationID: "conversation_id"
            case .parentID: "parent_id"
            case .role: "role"
            case .reasoning: "reasoning"
            case .answer: "answer"
            case .status: "status"
            case .errorText: "error_text"
            case .provider: "provider"
            case .model: "model"
            case .promptTokens: "prompt_tokens"
            case .completionTokens: "completion_tokens"
            case .reasoningTokens: "reasoning_tokens"
            case .cacheHitTokens: "cache_hit_tokens"
            case .cacheMissTokens: "cache_miss_tokens"
            case .sentAt: "sent_at"
            case .firstByteAt: "first_byte_at"
            case .firstReasoningAt: "first_reasoning_at"
            case .firstAnswerAt: "first_answer_at"
            case .finishedAt: "finished_at"
            case .reasoningFolded: "reasoning_folded"
            case .createdAt: "created_at"
            case .finishReason: "finish_reason"
            case .providerReasoning: "provider_reasoning"
            case .usageCounted: "usage_counted"
            }
        }
    }

    /// The columns `init(storeRow:)` reads, in their order, for `SELECT` and `INSERT`.
    static let storeColumns = StoreColumn.sql

    /// A row whose first columns are `storeColumns`.
    init(storeRow row: Row) {
        typealias C = StoreColumn
        assert(C.lead(row), "a query that reads a \(Self.self) must select storeColumns first")
        let roleText: String = row[C.role.rawValue]
        let statusText: String = row[C.status.rawValue]
        self.init(
            id: MessageID(row[C.id.rawValue]),
            conversationID: ConversationID(row[C.conversationID.rawValue]),
            parentID: (row[C.parentID.rawValue] as String?).map(MessageID.init),
            role: MessageRole(rawValue: roleText) ?? .user,
            reasoning: row[C.reasoning.rawValue],
            answer: row[C.answer.rawValue],
            status: MessageStatus(rawValue: statusText) ?? .interrupted,
            errorText: row[C.errorText.rawValue],
            provider: row[C.provider.rawValue],
            model: row[C.model.rawValue],
            usage: TokenUsage(
                promptTokens: row[C.promptTokens.rawValue],
                completionTokens: row[C.completionTokens.rawValue],
                reasoningTokens: row[C.reasoningTokens.rawValue],
                cacheHitTokens: row[C.cacheHitTokens.rawValue],
                cacheMissTokens: row[C.cacheMissTokens.rawValue],
                counted: row[C.usageCounted.rawValue]),
            timings: ResponseTimings(
                sent: StoredDate.optionalDate(row[C.sentAt.rawValue] as Double?),
                firstByte: StoredDate.optionalDate(row[C.firstByteAt.rawValue] as Double?),
                firstReasoning: StoredDate.optionalDate(row[C.firstReasoningAt.rawValue] as Double?),
                firstAnswer: StoredDate.optionalDate(row[C.firstAnswerAt.rawValue] as Double?),
                finished: StoredDate.optionalDate(row[C.finishedAt.rawValue] as Double?)),
            reasoningFolded: row[C.reasoningFolded.rawValue],
            createdAt: StoredDate.date(row[C.createdAt.rawValue] as Double),
            finishReason: (row[C.finishReason.rawValue] as String?).flatMap(FinishReason.init(rawValue:)),
            providerReasoning: (row[C.providerReasoning.rawValue] as String?).flatMap(
                ProviderReasoning.init(storedJSON:)))
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
