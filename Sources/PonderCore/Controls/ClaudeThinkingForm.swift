/// How a Claude model takes its thinking settings, which changed between model generations:
/// up to 4.5 a token budget (`thinking: {type: enabled, budget_tokens}`); 4.6 adaptive thinking with
/// an effort (`thinking: {type: adaptive}` and `output_config.effort`, the budget form deprecated);
/// from 4.7 and the 5 family adaptive only (the budget form and `disabled` are rejected).
public enum ClaudeThinkingForm: Equatable, Sendable {
    case budget
    case adaptive
    case adaptiveOnly

    /// The form for a model id such as `claude-sonnet-4-5-20250929`, `claude-3-7-sonnet-20250219`,
    /// `claude-opus-4-7`, `anthropic/claude-opus-4.6` or `claude-sonnet-5`. Ids without a version
    /// (and other models behind the Messages API) keep the budget form, which every version before
    /// 4.7 accepts.
    public static func of(model: String) -> ClaudeThinkingForm {
        guard let version = version(of: model) else { return .budget }
        if version.major >= 5 || (version.major == 4 && version.minor >= 7) { return .adaptiveOnly }
        if version.major == 4 && version.minor == 6 { return .adaptive }
        return .budget
    }

    /// Major and minor version: the first one- or two-digit number after `claude`, and the number
    /// right after it when that is one or two digits too (an 8-digit date is not a version).
    static func version(of model: String) -> (major: Int, minor: Int)? {
        let lowered = model.lowercased()
        guard let claude = lowered.range(of: "claude") else { return nil }
        let parts = lowered[claude.upperBound...].split { !$0.isLetter && !$0.isNumber }
        guard let first = parts.firstIndex(where: { Self.isVersionNumber($0) }), let major = Int(parts[first]) else {
            return nil
        }
        let next = parts.index(after: first)
        let minor = next < parts.endIndex && Self.isVersionNumber(parts[next]) ? Int(parts[next]) ?? 0 : 0
        return (major, minor)
    }

    private static func isVersionNumber(_ part: Substring) -> Bool {
        part.count <= 2 && part.allSatisfy(\.isNumber)
    }
}
