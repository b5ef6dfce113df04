import Foundation
import PonderCore

/// Refines a conversation's title with one short, cheap request: the provider is asked for a
/// title of at most eight words for the first exchange; the reply is sanitised, trimmed of
/// quotes and punctuation, cut to eight words and saved with `rename`. Never used with the local
/// engine (it would compete with the answer) and never awaited by the event loop.
public enum TitleRefiner {
    /// Words kept at most.
    public static let maximumWords = 8

    /// Whether a refinement should be requested at all.
    public static func isEnabled(settings: UISettings, provider: ProviderSettings) -> Bool {
        settings.refineTitles && provider.kind != .local
    }

    /// Asks for a title, saves it in place of `firstTitle` and returns it; nil when the provider
    /// gave nothing usable or failed, or when the stored title is no longer `firstTitle` (renamed
    /// meanwhile, or the conversation deleted) — a title someone chose is never overwritten.
    public static func refine(
        _ conversationID: ConversationID, replacing firstTitle: String, question: String, answer: String,
        provider: ProviderSettings, client: ChatClient, store: ConversationStore
    ) async -> String? {
        var settings = provider
        settings.thinking = .off
        settings.maxTokens = 32
        let prompt = Message(
            conversationID: conversationID, role: .user,
            answer: """
                Write a title of at most \(maximumWords) words for this conversation. Reply with the title only, \
                no quotes.

                Question: \(question.prefix(1500))

                Answer: \(answer.prefix(1500))
                """)
        var reply = ""
        for await event in client.stream(ChatRequest(settings: settings, history: [prompt])) {
            switch event {
            case .answer(let text): reply += text
            case .phase(.failed), .phase(.cancelled): return nil
            case .reasoning, .usage, .timings, .phase: break
            }
        }
        guard let title = cleaned(reply), (try? store.conversation(conversationID))?.title == firstTitle else {
            return nil
        }
        do {
            try store.rename(conversationID, to: title)
            return title
        } catch {
            return nil
        }
    }

    /// The reply as a title: first line, sanitised, without surrounding quotes or a final period,
    /// at most `maximumWords` words; nil when nothing is left.
    public static func cleaned(_ reply: String) -> String? {
        let firstLine =
            reply.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }.map(String.init) ?? ""
        var title = Sanitizer.sanitizeLine(firstLine).trimmingCharacters(in: .whitespaces)
        if title.lowercased().hasPrefix("title:") { title = String(title.dropFirst(6)) }
        title = title.trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”‘’「」*#. 。").union(.whitespaces))
        let words = title.split(separator: " ")
        if words.count > maximumWords { title = words.prefix(maximumWords).joined(separator: " ") }
        return title.isEmpty ? nil : title
    }
}
