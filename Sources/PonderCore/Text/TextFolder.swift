// Text: terminal-independent text handling, drawn by PonderTUI.
// - DisplayWidth: columns per grapheme cluster.
// - Sanitizer (+FormatMarkers): control characters, escape sequences and invisible format
//   characters in untrusted text made visible; tabs expanded.
// - TextStyle, StyledSpan, StyledLine: the semantic styled-line model the renderers produce.
// - LineWrapper (+Atom, +Builder): word/character wrapping by display width, or only counting
//   the lines; PlainText: plain text to lines (or a line count).
// - MarkdownRenderer (+Inlines, +CodeBlock, +Lists, +Table) over CmarkParser (cmark-gfm):
//   markdown to lines at a width.
// - MarkdownBlockScanner and StreamingMarkdown (+Lines, +Offsets): incremental rendering of
//   streamed answers and reasoning, frozen blocks laid out lazily per width, viewport queries
//   by line range or from the end, text offsets (search hits) mapped to lines.
