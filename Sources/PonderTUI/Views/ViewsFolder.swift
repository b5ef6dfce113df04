// Views: pure functions from state to cells — `Layout` (pane rects computed from the size each
// frame), the root view, the help overlay, the too-small screen and the line drawing shared by the
// panes. The chat screen's views are in Chat/, the browser's in Browser/. Views draw their whole
// rect every frame; the diff keeps it cheap.
