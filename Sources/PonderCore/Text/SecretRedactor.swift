/// Takes credentials out of text that is about to be shown, printed, stored or exported (error
/// messages above all, which servers fill with whatever they received): the keys Ponder knows,
/// wherever they appear, and whatever has the shape of a credential — a `Bearer`/`Basic` token, the
/// value after `api_key`, `x-api-key`, `authorization`, `access_token`, `secret` or `password`, and
/// `sk-…` style keys. Each becomes `<redacted>`.
public enum SecretRedactor {
    public static let marker = "<redacted>"

    /// `text` without credentials; `keys` are exact values to remove too (shorter than 4 characters
    /// they are ignored: they would match ordinary words).
    public static func redact(_ text: String, keys: [String] = []) -> String {
        var result = text
        for key in keys where key.count >= 4 {
            result = result.replacingAll(key, with: marker)
        }
        guard mayHoldCredentials(result) else { return result }
        result = result.replacing(try! Regex(namedValue)) { match in
            "\(match.output[1].substring ?? "")\(match.output[2].substring ?? "")\(marker)"
        }
        result = result.replacing(try! Regex(schemeToken)) { match in
            "\(match.output[1].substring ?? "") \(marker)"
        }
        result = result.replacing(try! Regex(prefixedKey)) { _ in marker }
        return result
    }

    /// `name: value`, `name=value`, `"name":"value"`: the name and separator are kept.
    static let namedValue =
        #"(?i)((?:x-)?api[-_]?key|authorization|access[-_]?token|secret|password)(["']?\s*[:=]\s*["']?)"#
        + #"(?!bearer\b|basic\b)([^\s"',;}]{4,})"#
    /// `Bearer <token>` and `Basic <token>`.
    static let schemeToken = #"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}"#
    /// Keys that announce themselves: `sk-…` (OpenAI, DeepSeek, Anthropic `sk-ant-…`, OpenRouter `sk-or-…`).
    static let prefixedKey = #"\b(?:sk|rk|pk)-[A-Za-z0-9_-]{12,}"#

    /// A cheap test before the expressions run: every pattern needs one of these words.
    private static func mayHoldCredentials(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return ["key", "auth", "token", "secret", "password", "bearer", "basic", "sk-", "rk-", "pk-"].contains {
            lowered.contains($0)
        }
    }
}
