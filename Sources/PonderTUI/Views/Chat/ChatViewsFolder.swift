// Chat views: the sidebar, transcript, thinking panel, editor, status bar and code-block picker,
// the per-message rendered-text cache (`MessageTextCache`) and the reasoning summaries (fold
// headers, the panel's live header).
