/// Every fuzz target, by name. A new parser gets fuzzed by adding its target here.
public enum FuzzTargets {
    public static let all: [FuzzTarget] = [
        lineSplitter, sseDecoder, openAIChunks, anthropicEvents, ollamaLines, thinkSplitter, retryAfter, jsonValue,
        sanitizer,
        wrapping, streamingMarkdown, keyDecoder, configReader, ponderImport,
    ]

    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}
