// Text: terminal-independent text handling, drawn by PonderTUI.
// - DisplayWidth: columns per grapheme cluster.
// - Sanitizer (+FormatMarkers): control characters, escape sequences and invisible format
//   characters in untrusted text made visible; tabs expanded.
// - TextStyle, StyledSpan, StyledLine: the semantic styled-line model the renderers produce.
// - LineWrapper (+Atom): word/character wrapping by display width; PlainText: plain text to lines.
// - MarkdownRenderer (+Inlines, +CodeBlock, +Lists, +Table) over CmarkParser (cmark-gfm):
//   markdown to lines at a width.
// - MarkdownBlockScanner and StreamingMarkdown (+Lines): incremental rendering of streamed
//   answers and reasoning, frozen blocks cached per width, viewport queries by line range.
