/// How hard the model is asked to think: a per-conversation choice, and the config's default.
///
/// `on` is thinking at the model's own depth, for providers that can only switch thinking on or off;
/// `low` … `max` are graded levels. Each provider supports some of them (see `ProviderCapabilities`).
public enum ThinkingEffort: String, CaseIterable, Codable, Hashable, Sendable {
    case off
    case on
    case low
    case medium
    case high
    case max

    /// The graded levels, lowest first.
    public static let graded: [ThinkingEffort] = [.low, .medium, .high, .max]

    /// Reads a level as written in the config or on the command line. Accepts the provider spellings
    /// people copy from API docs: `minimal` is low, `xhigh` and `ultra` are max, `enabled`/`disabled`
    /// are on/off.
    public init?(name: String) {
        switch name.lowercased() {
        case "off", "disabled", "none", "false": self = .off
        case "on", "enabled", "true": self = .on
        case "minimal", "low": self = .low
        case "medium": self = .medium
        case "high": self = .high
        case "max", "xhigh", "ultra": self = .max
        default: return nil
        }
    }

    /// Position among the graded levels (nil for off and on).
    var gradedRank: Int? { Self.graded.firstIndex(of: self) }

    /// The level after this one in `supported` (wrapping), for a key that cycles through them; the
    /// first supported level when this one is not among them.
    public func next(in supported: [ThinkingEffort]) -> ThinkingEffort {
        guard let index = supported.firstIndex(of: self) else { return supported.first ?? self }
        return supported[(index + 1) % supported.count]
    }
}
