extension StreamingMarkdown {
    /// The frozen blocks laid out at one width, worked out lazily: a block is rendered when its
    /// lines are asked for, and counted (in plain-text mode without building lines) when a query
    /// needs to know where a later block starts.
    struct Layout {
        let width: Int
        /// Lines of each frozen block at this width, blank separator line included; -1 while unknown.
        var counts: [Int] = []
        /// `lineEnds[i]`: lines of blocks 0...i together, known for the first `lineEnds.count` blocks.
        var lineEnds: [Int] = []
        /// Rendered blocks (separator included), at most `renderedLineBudget` lines in all.
        var rendered: [Int: [StyledLine]] = [:]
        var renderedLines = 0
        /// The line of each byte offset in a frozen block asked about (see `lineIndex(forUTF8Offset:)`),
        /// at most `offsetLineBudget` of them: frozen blocks never change, so neither do these.
        var offsetLines: [Int: Int] = [:]

        init(width: Int) {
            self.width = width
        }
    }

    /// Rendered lines kept per width before the cache starts afresh.
    static let renderedLineBudget = 60_000
    /// Offsets whose lines are kept per width before that cache starts afresh.
    static let offsetLineBudget = 20_000

    /// Total number of lines at `width`. Blocks not counted at this width yet are counted
    /// (rendered, in markdown mode) once; later calls only add what was frozen since.
    public func lineCount(width: Int) -> Int {
        let layout = layoutIndex(width: width)
        extendLineEnds(layout, coveringLine: Int.max)
        return (layouts[layout].lineEnds.last ?? 0) + tailLines(width: width).count
    }

    /// Lines `range` (clamped to what exists) at `width`: only the blocks overlapping the range
    /// are rendered, the ones before it are only counted.
    public func lines(in range: Range<Int>, width: Int) -> [StyledLine] {
        let layout = layoutIndex(width: width)
        let lower = max(0, range.lowerBound)
        let upper = max(lower, range.upperBound)
        extendLineEnds(layout, coveringLine: upper, renderingFrom: lower)
        var result: [StyledLine] = []
        var line = lower
        var block = Self.firstBlock(endingAfter: line, in: layouts[layout].lineEnds)
        while line < upper && block < layouts[layout].lineEnds.count {
            let blockStart = block == 0 ? 0 : layouts[layout].lineEnds[block - 1]
            let end = min(upper, layouts[layout].lineEnds[block])
            if line < end {
                let lines = blockLines(block, layout: layout)
                if result.isEmpty { result.reserveCapacity(min(upper - lower, 4096)) }
                result += lines[(line - blockStart)..<(end - blockStart)]
                line = end
            }
            block += 1
        }
        if line < upper && layouts[layout].lineEnds.count == blockRanges.count {
            let frozen = layouts[layout].lineEnds.last ?? 0
            let tail = tailLines(width: width)
            let from = line - frozen
            let to = min(upper - frozen, tail.count)
            if from >= 0 && from < to { result += tail[from..<to] }
        }
        return result
    }

    /// Lines `max(0, end - count)..<end` at `width`.
    public func lines(endingAt end: Int, count: Int, width: Int) -> [StyledLine] {
        lines(in: max(0, end - count)..<max(0, end), width: width)
    }

    /// The last `count` lines at `width`, leaving out the final `skippingLast` lines (0 in
    /// follow mode). Only the blocks at the end are rendered: nothing before them is counted, so
    /// the cost does not grow with the length of the text.
    public func lastLines(_ count: Int, width: Int, skippingLast skipped: Int = 0) -> [StyledLine] {
        guard count > 0 else { return [] }
        let layout = layoutIndex(width: width)
        let needed = count + max(0, skipped)
        var chunks: [[StyledLine]] = []
        var collected = 0
        let tail = tailLines(width: width)
        if !tail.isEmpty {
            chunks.append(tail)
            collected += tail.count
        }
        var block = blockRanges.count - 1
        while collected < needed && block >= 0 {
            let lines = blockLines(block, layout: layout)
            chunks.append(lines)
            collected += lines.count
            block -= 1
        }
        var all: [StyledLine] = []
        all.reserveCapacity(collected)
        for chunk in chunks.reversed() { all += chunk }
        let end = max(0, all.count - max(0, skipped))
        return Array(all[max(0, end - count)..<end])
    }

    /// Every line at `width`.
    public func allLines(width: Int) -> [StyledLine] {
        lines(in: 0..<Int.max, width: width)
    }

    /// Index of the first block whose lines end after `line` (binary search).
    static func firstBlock(endingAfter line: Int, in lineEnds: [Int]) -> Int {
        var low = 0
        var high = lineEnds.count
        while low < high {
            let middle = (low + high) / 2
            if lineEnds[middle] > line { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The layout for `width`, made if needed, with a slot for every frozen block.
    func layoutIndex(width: Int) -> Int {
        let width = max(1, width)
        var index: Int
        if let found = layouts.firstIndex(where: { $0.width == width }) {
            index = found
        } else {
            if layouts.count >= 2 { layouts.removeFirst() }
            layouts.append(Layout(width: width))
            index = layouts.count - 1
        }
        let missing = blockRanges.count - layouts[index].counts.count
        if missing > 0 { layouts[index].counts += repeatElement(-1, count: missing) }
        return index
    }

    /// Extends the running line counts until they reach past `line` or cover every block.
    /// Blocks starting at or after line `renderingFrom` are about to be shown: they are rendered
    /// rather than counted.
    func extendLineEnds(_ layout: Int, coveringLine line: Int, renderingFrom shown: Int = Int.max) {
        while layouts[layout].lineEnds.count < blockRanges.count && (layouts[layout].lineEnds.last ?? 0) <= line {
            let start = layouts[layout].lineEnds.last ?? 0
            if start >= shown {
                let count = blockLines(layouts[layout].lineEnds.count, layout: layout).count
                layouts[layout].lineEnds.append(start + count)
            } else {
                extendLineEndsByOne(layout)
            }
        }
    }

    /// Extends the running line counts to the first `blocks` blocks.
    func extendLineEnds(_ layout: Int, coveringBlocks blocks: Int) {
        while layouts[layout].lineEnds.count < min(blocks, blockRanges.count) { extendLineEndsByOne(layout) }
    }

    private func extendLineEndsByOne(_ layout: Int) {
        let count = blockLineCount(layouts[layout].lineEnds.count, layout: layout)
        layouts[layout].lineEnds.append((layouts[layout].lineEnds.last ?? 0) + count)
    }

    /// Lines of frozen block `block` (separator included), rendered at most once while cached.
    func blockLines(_ block: Int, layout: Int) -> [StyledLine] {
        if let cached = layouts[layout].rendered[block] { return cached }
        let width = layouts[layout].width
        let range = blockRanges[block]
        var rendered = render(
            String(decoding: source[range], as: UTF8.self), width: width, firstCodeBlock: firstCodeBlock(of: block))
        blockRenderCount += 1
        if codeBlockCounts[block] < 0 { codeBlockCounts[block] = rendered.codeBlocks }
        if hasSeparator(block) && !rendered.lines.isEmpty { rendered.lines.insert(.empty, at: 0) }
        layouts[layout].counts[block] = rendered.lines.count
        if layouts[layout].renderedLines + rendered.lines.count > Self.renderedLineBudget {
            layouts[layout].rendered.removeAll(keepingCapacity: true)
            layouts[layout].renderedLines = 0
        }
        layouts[layout].rendered[block] = rendered.lines
        layouts[layout].renderedLines += rendered.lines.count
        return rendered.lines
    }

    /// Lines of frozen block `block` (separator included); plain text is counted without
    /// building lines.
    func blockLineCount(_ block: Int, layout: Int) -> Int {
        let known = layouts[layout].counts[block]
        if known >= 0 { return known }
        guard mode == .plainText else { return blockLines(block, layout: layout).count }
        let text = Self.trimmedPlainText(String(decoding: source[blockRanges[block]], as: UTF8.self))
        var count = text.isEmpty ? 0 : PlainText.lineCount(text, width: layouts[layout].width, style: plainStyle)
        if hasSeparator(block) && count > 0 { count += 1 }
        layouts[layout].counts[block] = count
        return count
    }

    /// Whether frozen block `block` starts with the blank line between blocks (not the first,
    /// not the continuation of a cut paragraph).
    func hasSeparator(_ block: Int) -> Bool { block > 0 && !continuesPrevious[block] }

    /// Number of the first code block of frozen block `block` (`blockRanges.count`: of the tail).
    func firstCodeBlock(of block: Int) -> Int {
        guard mode == .markdown, block > 0 else { return 0 }
        while codeBlockEnds.count < block {
            let index = codeBlockEnds.count
            if codeBlockCounts[index] < 0 {
                let bytes = source[blockRanges[index]]
                codeBlockCounts[index] =
                    MarkdownBlockScanner.mayContainCodeBlock(bytes)
                    ? CmarkParser.codeBlockCount(String(decoding: bytes, as: UTF8.self)) : 0
            }
            codeBlockEnds.append((codeBlockEnds.last ?? 0) + codeBlockCounts[index])
        }
        return codeBlockEnds[block - 1]
    }

    /// Lines of the unfinished last block at `width`, cached until the next append.
    func tailLines(width: Int) -> [StyledLine] {
        let width = max(1, width)
        if let cache = tailCache, cache.width == width, cache.version == version { return cache.lines }
        var lines: [StyledLine] = []
        if !isFinished && scanner.blockStart < source.count {
            lines = renderTail(upTo: source.count, width: width)
            tailRenderCount += 1
        }
        tailCache = (width, version, lines)
        return lines
    }

    /// The tail's lines for the text up to `end`: markdown up to what the scanner holds back,
    /// plain text after it; a separator line first when blocks precede it.
    func renderTail(upTo end: Int, width: Int) -> [StyledLine] {
        let start = scanner.blockStart
        guard start < end else { return [] }
        var lines: [StyledLine] = []
        let held = mode == .markdown ? scanner.holdStart.map { max($0, start) } : nil
        let markdownEnd = min(held ?? end, end)
        if start < markdownEnd, mode == .plainText || Self.isPlainProse(source[start..<markdownEnd]),
            let grown = growingTailLines(start: start, end: markdownEnd, width: width)
        {
            lines = grown
        } else if start < markdownEnd {
            lines =
                render(
                    String(decoding: source[start..<markdownEnd], as: UTF8.self), width: width,
                    firstCodeBlock: firstCodeBlock(of: blockRanges.count)
                ).lines
        }
        if let held, held < end {
            var raw = String(decoding: source[held..<end], as: UTF8.self)
            while raw.last == "\n" { raw.removeLast() }
            lines += PlainText.lines(raw, width: width, style: plainStyle)
        }
        if !blockRanges.isEmpty && !tailContinues && !lines.isEmpty { lines.insert(.empty, at: 0) }
        return lines
    }

    /// The tail `start..<end` as plain text wrapped at `width`, reusing the rows of an earlier wrapping
    /// of the same block at that width: only its last row and what was appended are wrapped again.
    /// Nil when the text needs sanitising (it is rendered from scratch then).
    ///
    /// Every text asked for is a prefix of the block (the whole tail, or the tail up to a step whose
    /// line the trace reader looks for), so the wrapping that has covered the most of it that the text
    /// still holds is the one to go on from. A wrapping is never cut back to a shorter text: the
    /// whole tail and a step's prefix, both asked for every frame, each keep their own.
    private func growingTailLines(start: Int, end: Int, width: Int) -> [StyledLine]? {
        let text = Self.trimmedPlainText(String(decoding: source[start..<end], as: UTF8.self))
        if text.isEmpty { return [] }
        tailWraps.removeAll { $0.start != start }
        let usable = tailWraps.indices.filter { tailWraps[$0].wrap.width == width && tailWraps[$0].wrap.canWrap(text) }
        let furthest = usable.max { tailWraps[$0].wrap.wrappedBytes < tailWraps[$1].wrap.wrappedBytes }
        // The one used last goes to the end, so the one left unused longest is dropped first.
        let fresh = (start: start, wrap: GrowingTextWrap(width: width, style: plainStyle))
        var slot = furthest.map { tailWraps.remove(at: $0) } ?? fresh
        if tailWraps.count >= Self.keptTailWraps { tailWraps.removeFirst() }
        let before = slot.wrap.bytesWrapped
        let lines = slot.wrap.lines(text)
        tailBytesWrapped += slot.wrap.bytesWrapped - before
        tailWraps.append(slot)
        return lines
    }

    /// Wrappings of the tail kept: the whole tail and a step's prefix, at two widths.
    static let keptTailWraps = 4

    /// Whether markdown draws this unfinished paragraph as the plain words it holds: a single line
    /// starting with a letter, without a byte that inline markdown or its extensions give a meaning
    /// to (emphasis, code, links, autolinks, entities, HTML, strikethrough, tables) or a control
    /// character. Such a tail wraps as plain text, which keeps its rows from one append to the next.
    static func isPlainProse(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, startsWord(first) else { return false }
        var last3: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in bytes {
            switch byte {
            case 0x0A, 0x21, 0x23, 0x26, 0x2A, 0x3A, 0x3C, 0x3E, 0x40, 0x5B, 0x5C, 0x5D, 0x5F, 0x60, 0x7C, 0x7E:
                return false  // \n ! # & * : < > @ [ \ ] _ ` | ~
            case 0x2E where last3.0 | 0x20 == 0x77 && last3.1 | 0x20 == 0x77 && last3.2 | 0x20 == 0x77:
                return false  // "www." starts an autolink
            default:
                if byte < 0x20 || byte == 0x7F { return false }
            }
            last3 = (last3.1, last3.2, byte)
        }
        return true
    }

    /// Renders one block in this stream's mode.
    func render(_ block: String, width: Int, firstCodeBlock: Int) -> (lines: [StyledLine], codeBlocks: Int) {
        switch mode {
        case .markdown:
            return MarkdownRenderer(width: width, dim: dim).renderBlock(block, firstCodeBlock: firstCodeBlock)
        case .plainText:
            let text = Self.trimmedPlainText(block)
            if text.isEmpty { return ([], 0) }
            return (PlainText.lines(text, width: width, style: plainStyle), 0)
        }
    }

    /// Style of plain-text mode.
    var plainStyle: TextStyle { TextStyle(.plain, dim: dim) }

    /// A plain-text block without its trailing newlines and spaces.
    static func trimmedPlainText(_ block: String) -> String {
        var text = block
        while let last = text.last, last == "\n" || last == " " || last == "\r\n" { text.removeLast() }
        return text
    }
}
