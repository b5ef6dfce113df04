/// One cell a terminal must write: the cell's glyph at (x, y).
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

/// The difference between the frame on screen and the next one, as the cells to write,
/// left to right and top to bottom. Continuation cells are never written (their wide glyph
/// covers them); a continuation that becomes a narrow glyph differs, so it is written again.
public enum ScreenDiff {
    /// Every cell that changed; every cell when the sizes differ (or there is no previous frame).
    public static func changes(from old: ScreenBuffer?, to new: ScreenBuffer) -> [CellChange] {
        var result: [CellChange] = []
        let width = new.size.width
        guard let old, old.size == new.size else {
            result.reserveCapacity(new.cells.count)
            for (index, cell) in new.cells.enumerated() where !cell.isContinuation {
                result.append(CellChange(x: index % width, y: index / width, cell: cell))
            }
            return result
        }
        new.cells.withUnsafeBufferPointer { newCells in
            old.cells.withUnsafeBufferPointer { oldCells in
                for index in 0..<newCells.count {
                    let cell = newCells[index]
                    if cell.isContinuation || cell == oldCells[index] { continue }
                    result.append(CellChange(x: index % width, y: index / width, cell: cell))
                }
            }
        }
        return result
    }
}
