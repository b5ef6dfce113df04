import PonderCore

/// Where a trace's steps and reflection points fall among the thinking panel's lines at one
/// width: binary searches that lay out only the lines they ask about (`lineIndex(forUTF8Offset:)`),
/// so a frame costs O(log steps) line lookups whatever the trace's length.
struct TraceLines {
    let text: StreamingMarkdown
    let outline: TraceOutline
    let width: Int

    func line(ofOffset offset: Int) -> Int {
        text.lineIndex(forUTF8Offset: offset, width: width)
    }

    /// How many steps start on line `line` or above.
    func stepsStarting(atOrAbove line: Int) -> Int {
        Self.count(outline.stepCount) { self.line(ofOffset: outline.step(at: $0).offset) <= line }
    }

    /// How many reflection points start on line `line` or above.
    func pointsStarting(atOrAbove line: Int) -> Int {
        Self.count(outline.pointCount) { self.line(ofOffset: outline.point(at: $0).offset) <= line }
    }

    /// The offset where the step shown on line `line` starts (0 before the first step).
    func stepOffset(atLine line: Int) -> Int {
        let count = stepsStarting(atOrAbove: line)
        return count > 0 ? outline.step(at: count - 1).offset : 0
    }

    /// The offsets shown by lines `top..<top + height`, to the step: from the start of the step
    /// on the top line to the start of the first step below the view.
    func visibleOffsets(top: Int, height: Int) -> Range<Int> {
        let lower = stepOffset(atLine: top)
        let below = stepsStarting(atOrAbove: top + height - 1)
        let upper = below < outline.stepCount ? outline.step(at: below).offset : outline.byteCount
        return lower..<max(lower, upper)
    }

    /// How many of `count` items, ordered so that `isAtOrAbove` holds for a prefix, it holds for.
    private static func count(_ count: Int, isAtOrAbove: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrAbove(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The steps and points a jump from the top line goes to when no earlier jump is on screen.
extension TraceLines {
    /// The first step that starts below line `line`.
    func nextStep(belowLine line: Int) -> Int? {
        let index = stepsStarting(atOrAbove: line)
        return index < outline.stepCount ? index : nil
    }

    /// The last step that starts above line `line`.
    func previousStep(aboveLine line: Int) -> Int? {
        let index = stepsStarting(atOrAbove: line - 1)
        return index > 0 ? index - 1 : nil
    }

    func nextPoint(belowLine line: Int) -> Int? {
        let index = pointsStarting(atOrAbove: line)
        return index < outline.pointCount ? index : nil
    }

    func previousPoint(aboveLine line: Int) -> Int? {
        let index = pointsStarting(atOrAbove: line - 1)
        return index > 0 ? index - 1 : nil
    }
}
