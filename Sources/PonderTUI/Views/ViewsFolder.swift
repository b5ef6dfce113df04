// Views: pure functions from state to cells — `Layout` (pane rects computed from the size each
// frame), the root view, sidebar, transcript, thinking panel, editor, status bar, help overlay
// and the too-small screen. Views draw their whole rect every frame; the diff keeps it cheap.
