/// The map strip's scale: row `r` of a strip `rows` high stands for bytes
/// `[r * bytes / rows, (r + 1) * bytes / rows)` of the trace. Shared by the strip's drawing and
/// the reducer's click handling so a click lands where the strip shows.
public enum TraceMapScale {
    /// The UTF-8 offsets that row `row` stands for.
    public static func range(ofRow row: Int, rows: Int, bytes: Int) -> Range<Int> {
        guard rows > 0 else { return 0..<bytes }
        let lower = Int((Int64(row) * Int64(bytes)) / Int64(rows))
        let upper = Int((Int64(row + 1) * Int64(bytes)) / Int64(rows))
        return lower..<max(lower, upper)
    }

    /// The row that shows `offset`.
    public static func row(ofOffset offset: Int, rows: Int, bytes: Int) -> Int {
        guard rows > 0, bytes > 0 else { return 0 }
        return min(rows - 1, max(0, Int((Int64(offset) * Int64(rows)) / Int64(bytes))))
    }
}
