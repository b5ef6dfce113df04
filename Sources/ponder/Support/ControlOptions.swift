import ArgumentParser
import PonderCore

/// `--effort`, `--max-tokens`, `--system` and `--preset`: the per-conversation controls on the command
/// line. Given options become the conversation's own choices, saved with it like the screen's.
struct ControlOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "How hard the model thinks: off, on, low, medium, high or max (the levels the provider has).",
            valueName: "level"))
    var effort: String?

    @Option(
        name: .customLong("max-tokens"),
        help: ArgumentHelp("The most output tokens an answer may use, reasoning included.", valueName: "n"))
    var maxTokens: Int?

    @Option(help: ArgumentHelp("The conversation's system prompt (\"\" removes it).", valueName: "text"))
    var system: String?

    @Option(help: ArgumentHelp("Use the system prompt named in [presets] in the config file.", valueName: "name"))
    var preset: String?

    /// The parsed `--effort`.
    var effortLevel: ThinkingEffort? { effort.flatMap(ThinkingEffort.init(name:)) }

    func validate() throws {
        if let effort, ThinkingEffort(name: effort) == nil {
            throw ValidationError("--effort must be one of off, on, low, medium, high, max (not \"\(effort)\")")
        }
        if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be a positive whole number") }
        if system != nil && preset != nil { throw ValidationError("--system and --preset cannot be used together") }
    }

    /// `controls` with the given options on top; an unknown preset is a usage error naming the known ones.
    func applied(to controls: ConversationControls, presets: [String: String]) throws -> ConversationControls {
        var controls = controls
        if let effortLevel { controls.effort = effortLevel }
        if let maxTokens { controls.maxOutputTokens = maxTokens }
        if let system { controls.systemPrompt = system.isEmpty ? nil : system }
        if let preset {
            guard let text = presets[preset] else {
                let known = presets.keys.sorted()
                throw CLIError(
                    known.isEmpty
                        ? "no preset named \"\(preset)\": the config file has no [presets]"
                        : "no preset named \"\(preset)\"; the presets are \(known.joined(separator: ", "))",
                    exitCode: ExitCodes.usage)
            }
            controls.systemPrompt = text
        }
        return controls
    }

    /// Refuses an `--effort` the provider does not have, naming the ones it has.
    func checkEffort(against settings: ProviderSettings) throws {
        guard let effortLevel else { return }
        let supported = settings.capabilities.efforts
        guard !supported.contains(effortLevel) else { return }
        let place = "\(settings.name) with model \(settings.model)"
        throw CLIError(
            supported.isEmpty
                ? "\(place) has no thinking control; leave out --effort"
                : "\(place) has no thinking level \"\(effortLevel.rawValue)\"; it has "
                    + supported.map(\.rawValue).joined(separator: ", "),
            exitCode: ExitCodes.usage)
    }
}
