/// What a reflection point in a trace does. The names are the ones used in the marker data
/// file, the `[trace]` config table and `ponder show --json`.
public enum ReflectionKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// Doubt or hesitation without leaving the path ("Wait,", "Hmm", "等等").
    case reflection
    /// Checking an earlier step or result ("Let me check", "验证一下").
    case verification
    /// Switching to another approach ("Alternatively", "换个思路").
    case alternative
    /// Retracting an error or abandoning the path ("Wait, no", "不对").
    case backtracking
    /// Consolidating a result or stating the answer ("Therefore", "综上").
    case conclusion

    /// One column that stands for the kind in outlines and maps.
    public var glyph: String {
        switch self {
        case .reflection: return "?"
        case .verification: return "✓"
        case .alternative: return "⇄"
        case .backtracking: return "↩"
        case .conclusion: return "∴"
        }
    }

    /// The kind in a sentence or a count ("3 verifications").
    public var noun: String {
        switch self {
        case .reflection: return "reflection"
        case .verification: return "verification"
        case .alternative: return "alternative"
        case .backtracking: return "backtrack"
        case .conclusion: return "conclusion"
        }
    }
}
