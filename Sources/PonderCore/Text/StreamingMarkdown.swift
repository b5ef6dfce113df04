/// A streamed message (answer or reasoning) rendered incrementally. The raw text is the source
/// of truth; deltas are appended as they arrive. Top-level blocks (see `MarkdownBlockScanner`)
/// that are complete are frozen. Only the unfinished last block, the tail, is rendered again
/// after an append — lazily, when lines are asked for. While the tail has an open code fence or
/// a table, that part is shown as plain text until it is complete.
///
/// Frozen blocks are laid out lazily per width (see `StreamingMarkdown+Lines`): a block is
/// rendered only when its lines are on screen, and its line count is worked out only when a
/// query needs to know where it starts. Following the end (`lastLines`) touches only the last
/// blocks whatever the length of the text.
///
/// Appending costs O(delta) (each line is classified once). Layouts for the two most recently
/// used widths are kept.
///
/// `.plainText` mode is the reasoning fast path: the same block splitting, but each block is
/// only sanitised and word-wrapped (no markdown). Either mode can be dimmed.
///
/// Escape sequences or grapheme clusters split across deltas are harmless: rendering always
/// works on the assembled raw text. `append(utf8:)` also accepts byte chunks that split a
/// multi-byte character.
public final class StreamingMarkdown {
    public enum Mode: Sendable {
        case markdown
        case plainText
    }

    public let mode: Mode
    public let dim: Bool

    var source: [UInt8] = []
    private var incompleteUTF8: [UInt8] = []
    var scanner = MarkdownBlockScanner()
    private var lineStart = 0
    private var searchedUpTo = 0
    /// Byte ranges of the frozen blocks in `source`.
    var blockRanges: [Range<Int>] = []
    /// Whether each frozen block is the continuation of a paragraph cut (`softSplit`), drawn
    /// without the blank line that separates blocks.
    var continuesPrevious: [Bool] = []
    /// Whether the unfinished last block continues a cut paragraph.
    var tailContinues = false
    /// How far `softSplit` has looked in the unfinished block, and the backtick parity up to there.
    private var softScan: (position: Int, oddBackticks: Bool)?
    /// Code blocks in each frozen block (markdown mode), -1 while unknown; width-independent.
    var codeBlockCounts: [Int] = []
    /// `codeBlockEnds[i]`: code blocks in blocks 0...i, for a prefix of the blocks.
    var codeBlockEnds: [Int] = []
    var layouts: [Layout] = []
    var tailCache: (width: Int, version: Int, lines: [StyledLine])?
    /// The tail's wrappings kept from one append to the next while it is plain text (always in
    /// plain-text mode, for plain prose in markdown mode), least recently used first, with the offset
    /// of the block each wraps.
    var tailWraps: [(start: Int, wrap: GrowingTextWrap)] = []
    var version = 0

    /// How many times a frozen block has been rendered (one per block and width).
    public internal(set) var blockRenderCount = 0
    /// How many times the line of an offset in a frozen block has been laid out (once per offset and width).
    public internal(set) var offsetLayoutCount = 0
    /// How many times the tail has been rendered.
    public internal(set) var tailRenderCount = 0
    /// Bytes of the tail wrapped as plain text, over every layout of it.
    public internal(set) var tailBytesWrapped = 0
    /// Whether `finish()` was called (and nothing appended since).
    public internal(set) var isFinished = false

    public init(mode: Mode = .markdown, dim: Bool = false) {
        self.mode = mode
        self.dim = dim
    }

    /// Starts with existing text (e.g. a message loaded from the store), finished or not.
    public convenience init(text: String, mode: Mode = .markdown, dim: Bool = false, finished: Bool = true) {
        self.init(mode: mode, dim: dim)
        append(text)
        if finished { finish() }
    }

    /// The raw text appended so far.
    public var text: String { String(decoding: source, as: UTF8.self) }

    /// Number of frozen blocks.
    public var frozenBlockCount: Int { blockRanges.count }

    /// Bytes of the unfinished last block, which every frame renders again.
    public var tailByteCount: Int { isFinished ? 0 : source.count - scanner.blockStart }

    /// Appends a delta of text.
    public func append(_ delta: String) {
        guard !delta.isEmpty else { return }
        source.append(contentsOf: delta.utf8)
        textDidGrow()
    }

    /// Appends raw UTF-8 bytes; a multi-byte character split across calls is completed by the
    /// next call. Invalid bytes show as U+FFFD.
    public func append(utf8 bytes: some Collection<UInt8>) {
        var pending = incompleteUTF8
        pending.append(contentsOf: bytes)
        let complete = Self.completeUTF8Prefix(pending)
        incompleteUTF8 = Array(pending[complete...])
        guard complete > 0 else { return }
        source.append(contentsOf: pending[..<complete])
        textDidGrow()
    }

    /// Marks the end of the stream: the last block is frozen and nothing is held back any more.
    public func finish() {
        if !incompleteUTF8.isEmpty {
            source.append(contentsOf: String(decoding: incompleteUTF8, as: UTF8.self).utf8)
            incompleteUTF8 = []
            textDidGrow()
        }
        if lineStart < source.count {
            if let block = scanner.readLine(source, start: lineStart, end: source.count, next: source.count) {
                freeze(block)
            }
            lineStart = source.count
            searchedUpTo = source.count
        }
        if let last = scanner.finish(at: source.count) { freeze(last) }
        tailContinues = false
        softScan = nil
        isFinished = true
        version += 1
    }

    private func textDidGrow() {
        isFinished = false
        version += 1
        while let newline = source[max(lineStart, searchedUpTo)...].firstIndex(of: 0x0A) {
            if let block = scanner.readLine(source, start: lineStart, end: newline, next: newline + 1) {
                freeze(block)
            }
            lineStart = newline + 1
            softSplit(before: lineStart)
        }
        searchedUpTo = source.count
        if lineStart < source.count,
            let block = scanner.closeBeforePartialLine(startingWith: source[lineStart], at: lineStart)
        {
            freeze(block)
        }
        softSplit(before: source.count)
    }

    /// Freezes a block the scanner closed, or the head of a paragraph being cut (`cut`).
    private func freeze(_ range: Range<Int>, cut: Bool = false) {
        blockRanges.append(range)
        codeBlockCounts.append(mode == .plainText ? 0 : -1)
        continuesPrevious.append(tailContinues)
        tailContinues = cut
        softScan = nil
    }

    /// Bytes of an unfinished paragraph before it may be cut at a sentence end; twice as many
    /// allow a cut at any space, three times after any non-ASCII character (CJK has no spaces),
    /// four times before any letter (a run with no spaces at all, such as one 10 MB token).
    public static let softSplitLength = 2_048

    /// Keeps the tail short: a paragraph that goes on for kilobytes without a blank line (a
    /// model thinking in one breath) is cut into frozen pieces, so each frame re-renders a few
    /// kilobytes at most instead of the whole paragraph. The pieces are drawn without the blank
    /// line between them; a cut can only end a line early. Cuts depend on the text alone, not on
    /// how it arrived: the first place that qualifies is taken, looking only at bytes before it
    /// (and its own first byte, which must start a word, so the rest never starts a list or a
    /// heading), and never inside inline code. Only bytes before `limit` are looked at, so
    /// text appended at once is cut exactly where the same text streamed in is.
    private func softSplit(before limit: Int) {
        while scanner.isPlainParagraph {
            let start = scanner.blockStart
            let length = Self.softSplitLength
            guard limit > start + length else { return }
            if !tailContinues && !Self.startsWord(source[start]) { return }
            var position = softScan?.position ?? start
            var odd = softScan?.oddBackticks ?? false
            var cut: Int?
            while position < limit {
                if position > start && source[position - 1] == 0x60 { odd.toggle() }
                if position >= start + length && !odd && Self.startsWord(source[position])
                    && isCutPoint(position, afterLength: position - start)
                {
                    cut = position
                    break
                }
                position += 1
            }
            guard let cut else {
                softScan = (position, odd)
                return
            }
            freeze(start..<cut, cut: true)
            scanner.continueBlock(at: cut)
        }
    }

    /// Whether a paragraph cut `length` bytes in may go just before `position`.
    private func isCutPoint(_ position: Int, afterLength length: Int) -> Bool {
        let before = source[position - 1]
        if before == 0x0A { return true }
        if before == 0x20 && position >= 2 && [0x2E, 0x21, 0x3F].contains(source[position - 2]) { return true }
        if position >= 3 && source[position - 3] == 0xE3 && source[position - 2] == 0x80 && source[position - 1] == 0x82
        {
            return true  // 。
        }
        if position >= 3 && source[position - 3] == 0xEF && source[position - 2] == 0xBC
            && (source[position - 1] == 0x81 || source[position - 1] == 0x9F)
        {
            return true  // ！ ？
        }
        if length >= 2 * Self.softSplitLength && before == 0x20 { return true }
        return length >= 3 * Self.softSplitLength && before >= 0x80 || length >= 4 * Self.softSplitLength
    }

    /// A byte that can start a cut paragraph's next piece: a letter, or the lead byte of a
    /// non-ASCII character.
    static func startsWord(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0xC0
    }

    /// Length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence.
    static func completeUTF8Prefix(_ bytes: [UInt8]) -> Int {
        var index = bytes.count
        var continuation = 0
        while index > 0 && continuation < 3 && bytes[index - 1] & 0xC0 == 0x80 {
            index -= 1
            continuation += 1
        }
        guard index > 0 else { return bytes.count }
        let lead = bytes[index - 1]
        let expected: Int
        switch lead {
        case 0xC0...0xDF: expected = 1
        case 0xE0...0xEF: expected = 2
        case 0xF0...0xF7: expected = 3
        default: return bytes.count
        }
        return continuation < expected ? index - 1 : bytes.count
    }
}
