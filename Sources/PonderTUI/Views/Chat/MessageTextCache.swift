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
        /// The outline of a reasoning text, made when first asked for and fed with the text.
        var outline: TraceOutline?
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
    /// The markers that tag a trace's steps (`[trace]` in the config file).
    public let markers: TraceMarkers

    public init(byteBudget: Int = 32 << 20, markers: TraceMarkers = .builtIn) {
        self.byteBudget = byteBudget
        self.markers = markers
    }

    /// Texts held now.
    public var count: Int { entries.count }

    /// The rendered text of one part of `message`, brought up to date.
    public func text(_ part: MessagePart, of message: Message) -> StreamingMarkdown {
        let key = Key(id: message.id, part: part)
        let text = part == .reasoning ? message.reasoning : message.answer
        let size = text.utf8.count
        let mode: StreamingMarkdown.Mode = message.role == .assistant ? .markdown : .plainText
        let frame = frame
        func fresh() -> Entry {
            Entry(markdown: StreamingMarkdown(mode: mode, dim: part == .reasoning), fedBytes: 0, lastFrame: frame)
        }
        // Taken out while it is fed, and held by this one variable, so the outline's bytes are not
        // copied on write (a second binding of the entry made every append copy the whole trace).
        var entry = entries.removeValue(forKey: key) ?? fresh()
        if entry.fedBytes > size {
            bytes -= entry.fedBytes
            entry = fresh()
        }
        if size > entry.fedBytes {
            let utf8 = text.utf8
            let delta = utf8[utf8.index(utf8.startIndex, offsetBy: entry.fedBytes)...]
            entry.markdown.append(utf8: delta)
            entry.outline?.append(utf8: delta)
            bytes += size - entry.fedBytes
            entry.fedBytes = size
        }
        if message.status != .streaming && !entry.markdown.isFinished { entry.markdown.finish() }
        if message.status != .streaming && entry.outline?.isFinished == false { entry.outline?.finish() }
        entry.lastFrame = frame
        entries[key] = entry
        return entry.markdown
    }

    /// The outline of `message`'s reasoning (steps and reflection points), brought up to date
    /// with the text: made once from the whole text, then fed only what arrives.
    public func outline(of message: Message) -> TraceOutline {
        _ = text(.reasoning, of: message)
        let key = Key(id: message.id, part: .reasoning)
        if let outline = entries[key]?.outline { return outline }
        let outline = TraceOutline(
            text: message.reasoning, markers: markers, finished: message.status != .streaming)
        entries[key]?.outline = outline
        return outline
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
