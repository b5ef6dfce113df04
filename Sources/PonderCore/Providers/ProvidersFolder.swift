// Providers: one request builder and one response decoder per backend kind (DeepSeek,
// OpenAI-compatible, Ollama native, Anthropic Messages, the local engine), turning a
// conversation into an HTTP request (PreparedRequest) and provider JSON into `StreamDelta`s.
// ConversationTurns holds the history rules all builders share (answer text only, alternating turns).
