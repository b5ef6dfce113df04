/// Where a reader is in a trace, for a panel header: `step 14/52 · reflection 3/9`.
public struct TracePosition: Equatable, Sendable, CustomStringConvertible {
    /// The step shown (1-based), 0 when the trace has no steps.
    public var step: Int
    public var stepCount: Int
    /// Reflection points at or before the place shown.
    public var reflection: Int
    public var reflectionCount: Int

    public var description: String {
        "step \(step)/\(stepCount) · reflection \(reflection)/\(reflectionCount)"
    }
}

/// Lookups by UTF-8 offset, each a binary search: what a frame needs (the step at the top of
/// the panel, the next point for a jump, the points within a slice for the map) costs
/// O(log steps) whatever the length of the trace.
extension TraceOutline {
    /// The step holding `offset`; an offset between two steps belongs to the one before, one
    /// before the first step to the first. Nil while there are no steps.
    public func stepIndex(containing offset: Int) -> Int? {
        guard stepCount > 0 else { return nil }
        return max(0, stepsStarting(atOrBefore: offset) - 1)
    }

    /// The first step that starts after `offset` (the "next step" jump).
    public func stepIndex(after offset: Int) -> Int? {
        let index = stepsStarting(atOrBefore: offset)
        return index < stepCount ? index : nil
    }

    /// The last step that starts before `offset` (the "previous step" jump).
    public func stepIndex(before offset: Int) -> Int? {
        let index = stepsStarting(atOrBefore: offset - 1)
        return index > 0 ? index - 1 : nil
    }

    /// The first reflection point that starts after `offset`.
    public func pointIndex(after offset: Int) -> Int? {
        let index = pointsStarting(atOrBefore: offset)
        return index < pointCount ? index : nil
    }

    /// The last reflection point that starts before `offset`.
    public func pointIndex(before offset: Int) -> Int? {
        let index = pointsStarting(atOrBefore: offset - 1)
        return index > 0 ? index - 1 : nil
    }

    /// The reflection points that start inside `range` (for the ticks of a map strip).
    public func pointIndices(startingIn range: Range<Int>) -> Range<Int> {
        pointsStarting(atOrBefore: range.lowerBound - 1)..<pointsStarting(atOrBefore: range.upperBound - 1)
    }

    /// The steps that start inside `range`.
    public func stepIndices(startingIn range: Range<Int>) -> Range<Int> {
        stepsStarting(atOrBefore: range.lowerBound - 1)..<stepsStarting(atOrBefore: range.upperBound - 1)
    }

    /// Where `offset` lies: its step and how many reflection points come at or before it.
    public func position(at offset: Int) -> TracePosition {
        TracePosition(
            step: stepIndex(containing: offset).map { $0 + 1 } ?? 0, stepCount: stepCount,
            reflection: pointsStarting(atOrBefore: offset), reflectionCount: pointCount)
    }

    /// Number of steps whose offset is at most `offset`.
    private func stepsStarting(atOrBefore offset: Int) -> Int {
        var count = Self.countStarting(atOrBefore: offset, closedSteps.count) { closedSteps[$0].offset }
        if count == closedSteps.count, let open = openStep, open.offset <= offset { count += 1 }
        return count
    }

    /// Number of points whose offset is at most `offset`.
    private func pointsStarting(atOrBefore offset: Int) -> Int {
        Self.countStarting(atOrBefore: offset, pointList.count) { pointList[$0].offset }
    }

    /// How many of `count` ascending offsets are at most `value`.
    private static func countStarting(atOrBefore value: Int, _ count: Int, offset: (Int) -> Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if offset(middle) <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
