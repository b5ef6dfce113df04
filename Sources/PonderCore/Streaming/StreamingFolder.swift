// Streaming: bytes off the wire to normalized deltas and request events, in pure layers —
// UTF-8-safe line splitting (LineSplitter), SSE framing (SSEDecoder), a small JSON value type,
// inline <think> splitting (ThinkTagSplitter) and the whole pipeline (ResponseStreamDecoder) — plus
// the request state machine, typed errors with actionable messages, proxy settings from the
// environment, the HTTP client that drives them (ChatClient) and the pause tasks take on its event
// loops (LoopSleep). Provider-specific JSON and request bodies live in Providers/; nothing here
// touches the terminal or the store.
