extension StreamingMarkdown {
    /// Rendered frozen blocks at one width, with running line counts.
    struct Layout {
        let width: Int
        var blockLines: [[StyledLine]] = []
        /// `lineEnds[i]`: lines of blocks 0...i together (separators included).
        var lineEnds: [Int] = []
        var codeBlocks = 0

        var lineCount: Int { lineEnds.last ?? 0 }
    }

    /// Total number of lines at `width`.
    public func lineCount(width: Int) -> Int {
        let index = layoutIndex(width: width)
        return layouts[index].lineCount + tailLines(width: width).count
    }

    /// Lines `range` (clamped to what exists) at `width`: only the blocks overlapping the range
    /// are touched.
    public func lines(in range: Range<Int>, width: Int) -> [StyledLine] {
        let index = layoutIndex(width: width)
        let tail = tailLines(width: width)
        let layout = layouts[index]
        let total = layout.lineCount + tail.count
        let lower = max(0, min(range.lowerBound, total))
        let upper = max(lower, min(range.upperBound, total))
        var result: [StyledLine] = []
        result.reserveCapacity(upper - lower)
        var line = lower
        var block = Self.firstBlock(endingAfter: line, in: layout.lineEnds)
        while line < upper && block < layout.blockLines.count {
            let blockStart = block == 0 ? 0 : layout.lineEnds[block - 1]
            let lines = layout.blockLines[block]
            let end = min(upper, layout.lineEnds[block])
            result += lines[(line - blockStart)..<(end - blockStart)]
            line = end
            block += 1
        }
        if line < upper {
            result += tail[(line - layout.lineCount)..<(upper - layout.lineCount)]
        }
        return result
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

    /// The layout for `width`, with every frozen block rendered.
    private func layoutIndex(width: Int) -> Int {
        let width = max(1, width)
        var index: Int
        if let found = layouts.firstIndex(where: { $0.width == width }) {
            index = found
        } else {
            if layouts.count >= 2 { layouts.removeFirst() }
            layouts.append(Layout(width: width))
            index = layouts.count - 1
        }
        while layouts[index].blockLines.count < blocks.count {
            let block = layouts[index].blockLines.count
            var rendered = render(blocks[block], width: width, firstCodeBlock: layouts[index].codeBlocks)
            blockRenderCount += 1
            if block > 0 && !rendered.lines.isEmpty { rendered.lines.insert(.empty, at: 0) }
            layouts[index].blockLines.append(rendered.lines)
            layouts[index].lineEnds.append(layouts[index].lineCount + rendered.lines.count)
            layouts[index].codeBlocks += rendered.codeBlocks
        }
        return index
    }

    /// Lines of the unfinished last block at `width`, cached until the next append.
    private func tailLines(width: Int) -> [StyledLine] {
        let width = max(1, width)
        if let cache = tailCache, cache.width == width, cache.version == version { return cache.lines }
        var lines: [StyledLine] = []
        let start = scanner.blockStart
        if !isFinished && start < source.count {
            let firstCodeBlock = layouts.first { $0.width == width }?.codeBlocks ?? 0
            let held = mode == .markdown ? scanner.holdStart.map { max($0, start) } : nil
            let markdownEnd = held ?? source.count
            if start < markdownEnd {
                lines =
                    render(
                        String(decoding: source[start..<markdownEnd], as: UTF8.self), width: width,
                        firstCodeBlock: firstCodeBlock
                    ).lines
            }
            if let held, held < source.count {
                var raw = String(decoding: source[held...], as: UTF8.self)
                while raw.last == "\n" { raw.removeLast() }
                lines += PlainText.lines(raw, width: width, style: TextStyle(.plain, dim: dim))
            }
            if !blocks.isEmpty && !lines.isEmpty { lines.insert(.empty, at: 0) }
            tailRenderCount += 1
        }
        tailCache = (width, version, lines)
        return lines
    }

    /// Renders one block in this stream's mode.
    private func render(_ block: String, width: Int, firstCodeBlock: Int) -> (lines: [StyledLine], codeBlocks: Int) {
        switch mode {
        case .markdown:
            return MarkdownRenderer(width: width, dim: dim).renderBlock(block, firstCodeBlock: firstCodeBlock)
        case .plainText:
            var text = block
            while let last = text.last, last == "\n" || last == " " { text.removeLast() }
            if text.isEmpty { return ([], 0) }
            return (PlainText.lines(text, width: width, style: TextStyle(.plain, dim: dim)), 0)
        }
    }
}
