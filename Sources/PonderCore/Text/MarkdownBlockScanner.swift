/// Splits markdown source, line by line as it arrives, into top-level blocks that can be
/// rendered independently. A block ends at a blank line outside a code fence when the next
/// non-blank line is not indented (an indented line may continue a list item or an indented
/// code block, so it stays in the same block). Blank lines between blocks belong to neither.
///
/// Known simplification: link reference definitions only apply within their own block.
///
/// Only complete lines are looked at, so the split never depends on how the text was chunked.
/// The scanner also tracks what the streaming view must hold back in the unfinished last block:
/// an open code fence or a table (both look wrong while half-written).
struct MarkdownBlockScanner {
    /// Start (byte offset) of the block being read.
    private(set) var blockStart = 0
    /// End of the block's last non-blank line, newline included.
    private(set) var contentEnd = 0
    private(set) var hasContent = false
    private var sawBlankLine = false
    private var fence: (marker: UInt8, length: Int)?
    private var fenceStart = 0
    private var tableStart: Int?
    private var previousLineStart = 0
    private var previousLineHasPipe = false

    /// Where the unfinished block stops being safe to render as markdown: the line opening a
    /// fence that is not closed yet, or the header line of a table not yet ended by a blank
    /// line. `nil` if nothing is held.
    var holdStart: Int? {
        if fence != nil { return fenceStart }
        return sawBlankLine ? nil : tableStart
    }

    /// Reads one complete line `source[start..<end]` (newline excluded; the next line starts at
    /// `next`). Returns the range of the block this line closes, if it starts a new one.
    mutating func readLine(_ source: [UInt8], start: Int, end: Int, next: Int) -> Range<Int>? {
        let line = source[start..<end]
        if let open = fence {
            if Self.closesFence(line, marker: open.marker, length: open.length) { fence = nil }
            contentEnd = next
            return nil
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            if hasContent { sawBlankLine = true } else { blockStart = next }
            previousLineHasPipe = false
            return nil
        }
        var closed: Range<Int>?
        if sawBlankLine && hasContent && line.first != 0x20 && line.first != 0x09 {
            closed = blockStart..<contentEnd
            blockStart = start
            tableStart = nil
        }
        sawBlankLine = false
        if let open = Self.opensFence(line) {
            fence = open
            fenceStart = start
        } else if tableStart == nil && previousLineHasPipe && Self.isTableDelimiterRow(line) {
            tableStart = previousLineStart
        }
        previousLineHasPipe = line.contains(0x7C)
        previousLineStart = start
        hasContent = true
        contentEnd = next
        return closed
    }

    /// Closes the block early when the first byte of the next, still incomplete line already
    /// decides it (after a blank line, a byte other than space, tab or CR starts a new block), so
    /// the streaming tail does not carry the finished block. Returns the closed block's range.
    mutating func closeBeforePartialLine(startingWith byte: UInt8, at start: Int) -> Range<Int>? {
        guard fence == nil, sawBlankLine, hasContent, byte != 0x20, byte != 0x09, byte != 0x0D else { return nil }
        let closed = blockStart..<contentEnd
        blockStart = start
        tableStart = nil
        hasContent = false
        sawBlankLine = false
        return closed
    }

    /// Whether the block being read is one paragraph so far (no fence, table or blank line), so
    /// the streaming view may cut it.
    var isPlainParagraph: Bool { fence == nil && tableStart == nil && !sawBlankLine }

    /// The block being read goes on from `start`: what came before was frozen as a piece.
    mutating func continueBlock(at start: Int) {
        blockStart = start
    }

    /// Ends the source: returns the last block, if it has any content, and starts afresh at `end`.
    mutating func finish(at end: Int) -> Range<Int>? {
        let last = hasContent ? blockStart..<contentEnd : nil
        self = MarkdownBlockScanner()
        blockStart = end
        contentEnd = end
        return last
    }

    /// Block ranges of a whole document.
    static func blocks(of source: [UInt8]) -> [Range<Int>] {
        var scanner = MarkdownBlockScanner()
        var ranges: [Range<Int>] = []
        var start = 0
        while start < source.count {
            let end = source[start...].firstIndex(of: 0x0A) ?? source.count
            if let block = scanner.readLine(source, start: start, end: end, next: min(end + 1, source.count)) {
                ranges.append(block)
            }
            start = end + 1
        }
        if let last = scanner.finish(at: source.count) { ranges.append(last) }
        return ranges
    }

    /// Whether a block's source could hold a code block: a fence marker (three backticks or
    /// tildes) or indented-code indentation (four spaces in a row or a tab) somewhere in it. A
    /// `false` means it certainly holds none, so its code blocks need not be counted by parsing.
    static func mayContainCodeBlock(_ bytes: ArraySlice<UInt8>) -> Bool {
        var run: UInt8 = 0
        var runLength = 0
        for byte in bytes {
            if byte == 0x09 { return true }
            if byte == run {
                runLength += 1
            } else {
                run = byte
                runLength = 1
            }
            if (runLength >= 3 && (byte == 0x60 || byte == 0x7E)) || (runLength >= 4 && byte == 0x20) { return true }
        }
        return false
    }

    /// A fence opener: optional indentation, then three or more backticks (info string without
    /// backticks) or tildes.
    static func opensFence(_ line: ArraySlice<UInt8>) -> (marker: UInt8, length: Int)? {
        guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
        let marker = line[first]
        guard marker == 0x60 || marker == 0x7E else { return nil }
        let run = line[first...].prefix { $0 == marker }.count
        guard run >= 3 else { return nil }
        if marker == 0x60 && line[(first + run)...].contains(0x60) { return nil }
        return (marker, run)
    }

    /// A fence closer: the same marker at least as long, then only spaces.
    static func closesFence(_ line: ArraySlice<UInt8>, marker: UInt8, length: Int) -> Bool {
        guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        let run = line[first...].prefix { $0 == marker }.count
        guard run >= length else { return false }
        return line[(first + run)...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// A GFM table delimiter row such as `|:--|--:|` or `--- | ---`.
    static func isTableDelimiterRow(_ line: ArraySlice<UInt8>) -> Bool {
        var dashes = false
        for byte in line {
            switch byte {
            case 0x2D: dashes = true
            case 0x7C, 0x3A, 0x20, 0x09, 0x0D: continue
            default: return false
            }
        }
        return dashes && (line.contains(0x7C) || line.contains(0x3A))
    }
}
