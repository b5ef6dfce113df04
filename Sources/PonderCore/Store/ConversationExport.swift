import Foundation

/// The JSON export of one conversation, version 1 (documented in docs/export-format.md). Field
/// names are snake_case; timestamps are Unix seconds with a fraction; absent values are omitted.
/// Readers must ignore unknown fields and refuse a `version` greater than they know.
struct ConversationExport: Codable, Equatable {
    static let formatName = "ponder.conversation"
    static let currentVersion = 1

    var format: String
    var version: Int
    var exportedAt: Double
    var conversation: ExportedConversation
    var messages: [ExportedMessage]

    enum CodingKeys: String, CodingKey {
        case format, version, conversation, messages
        case exportedAt = "exported_at"
    }

    struct ExportedConversation: Codable, Equatable {
        var id: String
        var title: String
        var createdAt: Double
        var updatedAt: Double
        var pinned: Bool
        var archived: Bool
        var provider: String?
        var model: String?
        var systemPrompt: String?
        /// Kept as text: a level this version does not know is dropped, not an unreadable file.
        var thinkingEffort: String?
        var maxOutputTokens: Int?

        enum CodingKeys: String, CodingKey {
            case id, title, pinned, archived, provider, model
            case createdAt = "created_at"
            case updatedAt = "updated_at"
            case systemPrompt = "system_prompt"
            case thinkingEffort = "thinking_effort"
            case maxOutputTokens = "max_output_tokens"
        }
    }

    struct ExportedMessage: Codable, Equatable {
        var id: String
        var parentID: String?
        var role: MessageRole
        var status: MessageStatus
        var errorText: String?
        var provider: String?
        var model: String?
        var reasoning: String
        var answer: String
        var reasoningFolded: Bool?
        var createdAt: Double
        var usage: ExportedUsage
        var timings: ExportedTimings
        var finishReason: String?
        var providerReasoning: JSONValue?
        /// Steps, reflection points and figures of the reasoning (`ponder show --json` only).
        var trace: ExportedTrace? = nil

        enum CodingKeys: String, CodingKey {
            case id, role, status, provider, model, reasoning, answer, usage, timings, trace
            case parentID = "parent_id"
            case errorText = "error_text"
            case reasoningFolded = "reasoning_folded"
            case createdAt = "created_at"
            case finishReason = "finish_reason"
            case providerReasoning = "provider_reasoning"
        }
    }

    struct ExportedUsage: Codable, Equatable {
        var promptTokens: Int?
        var completionTokens: Int?
        var reasoningTokens: Int?
        var cacheHitTokens: Int?
        var cacheMissTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case reasoningTokens = "reasoning_tokens"
            case cacheHitTokens = "cache_hit_tokens"
            case cacheMissTokens = "cache_miss_tokens"
        }
    }

    struct ExportedTimings: Codable, Equatable {
        var sent: Double?
        var firstByte: Double?
        var firstReasoning: Double?
        var firstAnswer: Double?
        var finished: Double?

        enum CodingKeys: String, CodingKey {
            case sent
            case firstByte = "first_byte"
            case firstReasoning = "first_reasoning"
            case firstAnswer = "first_answer"
            case finished
        }
    }
}

extension ConversationExport {
    init(conversation: Conversation, messages: [Message], exportedAt: Date) {
        self.init(
            format: Self.formatName,
            version: Self.currentVersion,
            exportedAt: exportedAt.timeIntervalSince1970,
            conversation: ExportedConversation(
                id: conversation.id.rawValue, title: conversation.title,
                createdAt: conversation.createdAt.timeIntervalSince1970,
                updatedAt: conversation.updatedAt.timeIntervalSince1970, pinned: conversation.pinned,
                archived: conversation.archived, provider: conversation.provider, model: conversation.model,
                systemPrompt: conversation.systemPrompt, thinkingEffort: conversation.effort?.rawValue,
                maxOutputTokens: conversation.maxOutputTokens),
            messages: messages.map { message in
                ExportedMessage(
                    id: message.id.rawValue, parentID: message.parentID?.rawValue, role: message.role,
                    status: message.status, errorText: message.errorText.map { SecretRedactor.redact($0) },
                    provider: message.provider,
                    model: message.model, reasoning: message.reasoning, answer: message.answer,
                    reasoningFolded: message.reasoningFolded,
                    createdAt: message.createdAt.timeIntervalSince1970,
                    usage: ExportedUsage(
                        promptTokens: message.usage.promptTokens, completionTokens: message.usage.completionTokens,
                        reasoningTokens: message.usage.reasoningTokens, cacheHitTokens: message.usage.cacheHitTokens,
                        cacheMissTokens: message.usage.cacheMissTokens),
                    timings: ExportedTimings(
                        sent: message.timings.sent?.timeIntervalSince1970,
                        firstByte: message.timings.firstByte?.timeIntervalSince1970,
                        firstReasoning: message.timings.firstReasoning?.timeIntervalSince1970,
                        firstAnswer: message.timings.firstAnswer?.timeIntervalSince1970,
                        finished: message.timings.finished?.timeIntervalSince1970),
                    finishReason: message.finishReason?.rawValue, providerReasoning: message.providerReasoning?.json)
            })
    }

    /// The conversation and messages this export describes, with the ids it carries.
    func model() -> (Conversation, [Message]) {
        let conversationID = ConversationID(conversation.id)
        let header = Conversation(
            id: conversationID, title: conversation.title,
            createdAt: Date(timeIntervalSince1970: conversation.createdAt),
            updatedAt: Date(timeIntervalSince1970: conversation.updatedAt), pinned: conversation.pinned,
            archived: conversation.archived, provider: conversation.provider, model: conversation.model,
            systemPrompt: conversation.systemPrompt,
            effort: conversation.thinkingEffort.flatMap(ThinkingEffort.init(rawValue:)),
            maxOutputTokens: conversation.maxOutputTokens)
        let messages = self.messages.map { exported in
            Message(
                id: MessageID(exported.id), conversationID: conversationID,
                parentID: exported.parentID.map(MessageID.init), role: exported.role, reasoning: exported.reasoning,
                answer: exported.answer, status: exported.status, errorText: exported.errorText,
                provider: exported.provider, model: exported.model,
                usage: TokenUsage(
                    promptTokens: exported.usage.promptTokens, completionTokens: exported.usage.completionTokens,
                    reasoningTokens: exported.usage.reasoningTokens, cacheHitTokens: exported.usage.cacheHitTokens,
                    cacheMissTokens: exported.usage.cacheMissTokens),
                timings: ResponseTimings(
                    sent: exported.timings.sent.map(Date.init(timeIntervalSince1970:)),
                    firstByte: exported.timings.firstByte.map(Date.init(timeIntervalSince1970:)),
                    firstReasoning: exported.timings.firstReasoning.map(Date.init(timeIntervalSince1970:)),
                    firstAnswer: exported.timings.firstAnswer.map(Date.init(timeIntervalSince1970:)),
                    finished: exported.timings.finished.map(Date.init(timeIntervalSince1970:))),
                reasoningFolded: exported.reasoningFolded,
                createdAt: Date(timeIntervalSince1970: exported.createdAt),
                finishReason: exported.finishReason.flatMap(FinishReason.init(rawValue:)),
                providerReasoning: exported.providerReasoning.flatMap(ProviderReasoning.init(json:)))
        }
        return (header, messages)
    }
}
