// Providers: one request builder and one response decoder per backend kind (DeepSeek,
// OpenAI-compatible, Ollama native, Anthropic Messages, the local engine), turning a
// conversation into an HTTP request and provider JSON into `StreamDelta`s.
