import Foundation
import PonderCore

/// The JSON shapes of `list`, `search` and `rm --json` (snake_case keys, ISO 8601 UTC dates).
enum ConversationJSON {
    static func summary(_ summary: ConversationSummary) -> JSONValue {
        var value = header(summary.conversation)
        if case .object(var members) = value {
            members["message_count"] = .number(Double(summary.messageCount))
            value = .object(members)
        }
        return value
    }

    static func header(_ conversation: Conversation) -> JSONValue {
        [
            "id": .string(conversation.id.rawValue), "title": .string(conversation.title),
            "created_at": .string(date(conversation.createdAt)), "updated_at": .string(date(conversation.updatedAt)),
            "pinned": .bool(conversation.pinned), "archived": .bool(conversation.archived),
            "provider": conversation.provider.map(JSONValue.string) ?? .null,
            "model": conversation.model.map(JSONValue.string) ?? .null,
        ]
    }

    static func hit(_ hit: SearchHit) -> JSONValue {
        [
            "conversation_id": .string(hit.conversationID.rawValue),
            "message_id": hit.messageID.map { .string($0.rawValue) } ?? .null,
            "title": .string(hit.conversationTitle), "field": .string(hit.field.rawValue),
            "snippet": .string(hit.snippet.text), "offset": .number(Double(hit.characterOffset)),
        ]
    }

    static func date(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
