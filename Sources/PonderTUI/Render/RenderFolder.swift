// Render: the in-memory frame — geometry (points, sizes, rects), styles and colors, the
// theme, the cell grid (`ScreenBuffer`) with explicit wide-glyph continuation cells, and the
// diff that turns two frames into the few cell writes a terminal needs. No terminal I/O here.
