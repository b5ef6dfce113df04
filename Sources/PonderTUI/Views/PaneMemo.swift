/// A pane's cells from the last frame that drew it, kept with the inputs they were drawn from. A
/// frame whose inputs for the pane are the same copies the cells instead of drawing the pane again:
/// while an answer streams, the sidebar (a title, a sanitised and measured row per conversation, and
/// a relative time worked out with the calendar) is the same in every frame. Owned by the loop, like
/// the text cache; a view given none draws as usual.
final class PaneMemo<Inputs: Equatable> {
    private var inputs: Inputs?
    private var rect = Rect(x: 0, y: 0, width: 0, height: 0)
    private var screen = Size(width: 0, height: 0)
    private var cells: [Cell] = []
    /// Frames that copied the kept cells.
    private(set) var reuses = 0

    /// Draws the pane at `rect` with `draw`, or copies the cells it drew last time when `inputs`,
    /// `rect` and the buffer's size are the same.
    func render(
        _ inputs: Inputs, in rect: Rect, into buffer: inout ScreenBuffer, draw: (inout ScreenBuffer) -> Void
    ) {
        if self.inputs == inputs, self.rect == rect, screen == buffer.size {
            buffer.restore(cells, in: rect)
            reuses += 1
            return
        }
        draw(&buffer)
        self.inputs = inputs
        self.rect = rect
        screen = buffer.size
        cells = buffer.cells(in: rect)
    }
}

/// The panes the loop keeps between frames.
public final class PaneMemos {
    let sidebar = PaneMemo<SidebarView.Inputs>()

    public init() {}

    /// Frames that copied a kept pane instead of drawing it.
    public var reuses: Int { sidebar.reuses }
}
