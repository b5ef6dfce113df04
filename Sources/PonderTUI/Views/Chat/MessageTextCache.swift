import PonderCore

/// The rendered text of messages, kept between frames: one `StreamingMarkdown` per message part,
/// fed only the text that arrived since the last frame, so finished blocks stay frozen and
/// wrapped lines stay cached per width. Owned by the loop (the state stays a plain value).
public final class MessageTextCache {
    /// Which text of a message.
    public enum Part: Hashable, Sendable {
        case reasoning
        case answer
    }

    private struct Key: Hashable {
        var id: MessageID
        var part: Part
    }

    private struct Entry {
        var markdown: StreamingMarkdown
        /// UTF-8 bytes of the message text fed so far.
        var fedBytes: Int
    }

    private var entries: [Key: Entry] = [:]

    public init() {}

    /// The rendered text of one part of `message`, brought up to date.
    public func text(_ part: Part, of message: Message) -> StreamingMarkdown {
        let key = Key(id: message.id, part: part)
        let text = part == .reasoning ? message.reasoning : message.answer
        let bytes = text.utf8.count
        var entry: Entry
        if let existing = entries[key], existing.fedBytes <= bytes {
            entry = existing
        } else {
            let mode: StreamingMarkdown.Mode = message.role == .assistant ? .markdown : .plainText
            entry = Entry(markdown: StreamingMarkdown(mode: mode, dim: part == .reasoning), fedBytes: 0)
        }
        if bytes > entry.fedBytes {
            let utf8 = text.utf8
            entry.markdown.append(utf8: utf8[utf8.index(utf8.startIndex, offsetBy: entry.fedBytes)...])
            entry.fedBytes = bytes
        }
        if message.status != .streaming && !entry.markdown.isFinished { entry.markdown.finish() }
        entries[key] = entry
        return entry.markdown
    }
}
