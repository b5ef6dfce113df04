/// The llama.cpp engine Ponder manages for the offline default, from the `[local]` table.
public struct LocalEngineSettings: Equatable, Hashable, Sendable {
    /// A GGUF file; nil means the small model shipped with the engine's virtual environment.
    public var modelPath: String?
    public var contextSize: Int = 4096
    /// Threads for generation; nil lets the engine decide.
    public var threads: Int?
    /// Extra llama.cpp server options, passed through.
    public var extraArguments: [String] = []

    public init() {}
}
