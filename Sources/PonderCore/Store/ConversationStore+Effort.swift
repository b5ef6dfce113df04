import GRDB

extension ConversationStore {
    /// How hard the model thought in each of `ids` (for the bar beside each conversation in the
    /// browser): its answers, their reasoning tokens (the provider's counts, else estimated from
    /// the text as `TokenEstimate` does, taking non-ASCII characters as three bytes each: exact
    /// for Chinese and Japanese) and thinking time, added up. Conversations without answers are
    /// absent. One grouped query over the listed conversations' messages.
    public func effort(of ids: [ConversationID]) throws -> [ConversationID: ConversationEffort] {
        var result: [ConversationID: ConversationEffort] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let rows = try read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT conversation_id, count(*) AS answers,
                            sum(coalesce(reasoning_tokens,
                                (3 * length(reasoning) + 3 * ((length(CAST(reasoning AS BLOB)) - length(reasoning)) / 2)
                                    + 5) / 10)) AS tokens,
                            sum(reasoning_tokens IS NULL AND reasoning != '') AS estimated,
                            sum(CASE WHEN first_reasoning_at IS NULL THEN 0
                                ELSE max(0, coalesce(first_answer_at, finished_at, first_reasoning_at) - first_reasoning_at)
                                END) AS seconds
                        FROM messages
                        WHERE role = 'assistant' AND conversation_id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                        GROUP BY conversation_id
                        """, arguments: StatementArguments(chunk.map(\.rawValue)))
            }
            for row in rows {
                let id = ConversationID(row["conversation_id"] as String)
                result[id] = ConversationEffort(
                    conversationID: id, answers: row["answers"], reasoningTokens: row["tokens"] ?? 0,
                    reasoningTokensEstimated: (row["estimated"] as Int? ?? 0) > 0, thinkingSeconds: row["seconds"] ?? 0)
            }
        }
        return result
    }
}
