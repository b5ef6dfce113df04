// Streaming: bytes off the wire to normalized deltas and request events, in pure layers —
// UTF-8-safe line splitting, SSE and NDJSON framing, inline <think> splitting — plus the
// request state machine, typed errors and the HTTP client that drives them. Provider-specific
// JSON and request bodies live in Providers/; nothing here touches the terminal or the store.
