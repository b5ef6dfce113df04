// Views: pure functions from state to cells — `Layout` (pane rects computed from the size each
// frame), the root view, sidebar, transcript, thinking panel, editor, status bar, help overlay
// and the too-small screen — plus the per-message rendered-text cache (`MessageTextCache`), the
// pane line helpers and the reasoning summaries (fold headers, the panel's live header). Views
// draw their whole rect every frame; the diff keeps it cheap.
