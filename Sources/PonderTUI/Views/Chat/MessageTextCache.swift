import PonderCore

/// The rendered text of messages, kept between frames: one `StreamingMarkdown` per message part,
/// fed only the text that arrived since the last frame, so finished blocks stay frozen and
/// wrapped lines stay cached per width. Owned by the loop (the state stays a plain value).
/// Texts not drawn lately are dropped once the cache holds more than `byteBudget` bytes of text,
/// least recently drawn first (reopening such a message renders it again).
public final class MessageTextCache {
    private struct Key: Hashable {
        var id: MessageID
        var part: MessagePart
    }

    private struct Entry {
        var markdown: StreamingMarkdown
        /// UTF-8 bytes of the message text fed so far.
        var fedBytes: Int
        /// The frame that last drew this text.
        var lastFrame: Int
    }

    private var entries: [Key: Entry] = [:]
    private var frame = 0
    private var bytes = 0
    /// Bytes of message text kept at most beyond what the current frame draws.
    public let byteBudget: Int

    public init(byteBudget: Int = 32 << 20) {
        self.byteBudget = byteBudget
    }

    /// Texts held now.
    public var count: Int { entries.count }

    /// The rendered text of one part of `message`, brought up to date.
    public func text(_ part: MessagePart, of message: Message) -> StreamingMarkdown {
        let key = Key(id: message.id, part: part)
        let text = part == .reasoning ? message.reasoning : message.answer
        let size = text.utf8.count
        var entry: Entry
        if let existing = entries[key], existing.fedBytes <= size {
            entry = existing
        } else {
            bytes -= entries[key]?.fedBytes ?? 0
            let mode: StreamingMarkdown.Mode = message.role == .assistant ? .markdown : .plainText
            entry = Entry(
                markdown: StreamingMarkdown(mode: mode, dim: part == .reasoning), fedBytes: 0, lastFrame: frame)
        }
        if size > entry.fedBytes {
            let utf8 = text.utf8
            entry.markdown.append(utf8: utf8[utf8.index(utf8.startIndex, offsetBy: entry.fedBytes)...])
            bytes += size - entry.fedBytes
            entry.fedBytes = size
        }
        if message.status != .streaming && !entry.markdown.isFinished { entry.markdown.finish() }
        entry.lastFrame = frame
        entries[key] = entry
        return entry.markdown
    }

    /// Ends a frame: drops texts the frame did not draw, least recently drawn first, until the
    /// cache is within its budget.
    public func endFrame() {
        defer { frame += 1 }
        guard bytes > byteBudget else { return }
        let stale = entries.filter { $0.value.lastFrame < frame }.sorted { $0.value.lastFrame < $1.value.lastFrame }
        for (key, entry) in stale {
            guard bytes > byteBudget else { return }
            entries[key] = nil
            bytes -= entry.fedBytes
        }
    }
}
