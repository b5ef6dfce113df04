// Trace: reading a long reasoning trace as a document. Pure and incremental, fed the same
// deltas as the text views, addressed by UTF-8 offset like `StreamingMarkdown`.
// - TraceOutline (+Scanner, +Queries, +Display), TraceScanState: steps (paragraph blocks,
//   long paragraphs cut at sentence ends) and reflection points, built as the trace streams;
//   lookups by offset for jumps, headers and maps; first words and token counts for outlines.
// - TraceStep, ReflectionPoint, ReflectionKind: what the outline holds.
// - TraceMarkers (+DataFile): the marker phrases, from Resources/trace-markers.toml (compiled
//   in) and the config file's [trace] table.
// - TokenEstimate: token counts from text where the provider reports none.
// - AnswerStatistics, AnswerEffort, EffortBar: per-answer figures (thinking time, tokens,
//   speed, steps, points by kind), a conversation's answers by effort, and the block-character
//   bar that draws it.
// - UTF8Scalar: scalar decoding for byte scanners.
