// Editor: the message editor's text and cursor (`EditorState`), counted in grapheme clusters, and
// how it wraps into rows.
