import PonderCore

/// How a pane draws a confirmed `/` search: every match marked, the current one set apart, and —
/// right after the query was confirmed — the current match chosen from what the pane shows (the
/// first match from the top of the view, else the nearest above it).
struct FindHighlight {
    let query: String
    /// The current match's line, and its place among the matches on that line (from 0).
    private(set) var current: (line: Int, occurrence: Int)?
    /// The match chosen from the view, for `ScrollReport.findCurrent`.
    private(set) var chosen: Int?

    /// `lineOf` gives a match's line among the pane's laid-out lines, nil when it is not laid out
    /// (a pane following its end lays out only the last messages; those left out are above).
    init?(find: FindState?, pane: Pane, firstVisibleLine: Int, lineOf: (TextMatch) -> Int?) {
        guard let find, find.pane == pane, !find.isEditing, !find.query.isEmpty else { return nil }
        query = find.query
        var index = find.current
        if find.startsFromView, !find.matches.isEmpty {
            var above: Int?
            for (position, match) in find.matches.enumerated() {
                guard let line = lineOf(match) else { continue }
                if line >= firstVisibleLine {
                    index = position
                    break
                }
                above = position
            }
            index = index ?? above ?? find.matches.count - 1
            chosen = index
        }
        guard let index, find.matches.indices.contains(index), let line = lineOf(find.matches[index]) else { return }
        let before = find.matches[..<index].reversed().prefix { lineOf($0) == line }.count
        current = (line, before)
    }

    /// Line `line` of the pane with the matches marked.
    func apply(_ screenLine: ScreenLine, line: Int, theme: Theme) -> ScreenLine {
        let occurrence = current.flatMap { $0.line == line ? $0.occurrence : nil }
        return screenLine.highlighting(
            query, style: theme.searchMatch, current: occurrence, currentStyle: theme.searchCurrent)
    }
}
