extension StreamingMarkdown {
    /// Index of the line that shows the text at `offset` (a UTF-8 offset into `text`) at
    /// `width`, e.g. to open the thinking panel at a search hit. Offsets between blocks map to
    /// the next block's first line; offsets past the end to the last line.
    ///
    /// Only the blocks before the hit are counted and the hit's block rendered. Within a block
    /// the line is found by laying out the block's text up to the end of the word at `offset`:
    /// exact for plain text; for markdown, the construct (table, heading underline…) being cut
    /// short can move it by a line.
    public func lineIndex(forUTF8Offset offset: Int, width: Int) -> Int {
        let layout = layoutIndex(width: width)
        let offset = max(0, min(offset, source.count))
        var low = 0
        var high = blockRanges.count
        while low < high {  // first block starting after offset
            let middle = (low + high) / 2
            if blockRanges[middle].lowerBound > offset { high = middle } else { low = middle + 1 }
        }
        let block = low - 1
        if block >= 0 && offset < blockRanges[block].upperBound {
            return lineIndex(offset, inBlock: block, layout: layout)
        }
        if low < blockRanges.count {  // between blocks: the next block's first line
            extendLineEnds(layout, coveringBlocks: low)
            let start = low == 0 ? 0 : layouts[layout].lineEnds[low - 1]
            return start + (hasSeparator(low) && blockLineCount(low, layout: layout) > 0 ? 1 : 0)
        }
        extendLineEnds(layout, coveringBlocks: blockRanges.count)
        let frozen = layouts[layout].lineEnds.last ?? 0
        let tail = tailLines(width: width)
        guard !tail.isEmpty else { return max(0, frozen - 1) }
        let separator = blockRanges.isEmpty || tailContinues ? 0 : 1
        guard offset >= scanner.blockStart else { return frozen + separator }
        let upTo = renderTail(upTo: wordEnd(after: offset, before: source.count), width: max(1, width))
        return frozen + min(max(separator, upTo.count - 1), tail.count - 1)
    }

    /// Index of the line that shows the character (grapheme cluster) at `offset` of `text`;
    /// see `lineIndex(forUTF8Offset:width:)`.
    public func lineIndex(forCharacterOffset offset: Int, width: Int) -> Int {
        let string = text
        let index =
            string.index(string.startIndex, offsetBy: max(0, offset), limitedBy: string.endIndex) ?? string.endIndex
        return lineIndex(forUTF8Offset: string.utf8.distance(from: string.startIndex, to: index), width: width)
    }

    /// The line of `offset`, which lies in frozen block `block`: worked out once per width, since
    /// the trace reader asks for its steps' lines every frame.
    private func lineIndex(_ offset: Int, inBlock block: Int, layout: Int) -> Int {
        if let known = layouts[layout].offsetLines[offset] { return known }
        let line = layOutLineIndex(offset, inBlock: block, layout: layout)
        offsetLayoutCount += 1
        if layouts[layout].offsetLines.count >= Self.offsetLineBudget {
            layouts[layout].offsetLines.removeAll(keepingCapacity: true)
        }
        layouts[layout].offsetLines[offset] = line
        return line
    }

    private func layOutLineIndex(_ offset: Int, inBlock block: Int, layout: Int) -> Int {
        extendLineEnds(layout, coveringBlocks: block)
        let start = block == 0 ? 0 : layouts[layout].lineEnds[block - 1]
        let count = blockLineCount(block, layout: layout)
        guard count > 0 else { return start }
        let separator = hasSeparator(block) ? 1 : 0
        let range = blockRanges[block]
        let prefix = String(
            decoding: source[range.lowerBound..<wordEnd(after: offset, before: range.upperBound)], as: UTF8.self)
        let width = layouts[layout].width
        let prefixLines: Int
        switch mode {
        case .plainText:
            let text = Self.trimmedPlainText(prefix)
            prefixLines = text.isEmpty ? 1 : PlainText.lineCount(text, width: width, style: plainStyle)
        case .markdown:
            prefixLines = render(prefix, width: width, firstCodeBlock: 0).lines.count
        }
        return start + separator + min(max(0, prefixLines - 1), count - separator - 1)
    }

    /// End of the word holding byte `offset`: the next space, newline or wide-range character
    /// (a possible break), at most `limit`. The character at `offset` is always included.
    private func wordEnd(after offset: Int, before limit: Int) -> Int {
        var end = min(offset + 1, limit)
        while end < limit, source[end] & 0xC0 == 0x80 { end += 1 }
        while end < limit, source[end] != 0x20, source[end] != 0x0A, source[end] < 0xE0 || source[end] & 0xC0 == 0x80 {
            end += 1
        }
        return end
    }
}
