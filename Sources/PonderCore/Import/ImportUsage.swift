/// Token counts as sources record them: OpenAI names (`prompt_tokens`, `completion_tokens`,
/// `completion_tokens_details.reasoning_tokens`), Ollama names (`prompt_eval_count`, `eval_count`)
/// and Anthropic names (`input_tokens`, `output_tokens`).
enum ImportUsage {
    static func usage(_ value: JSONValue?) -> TokenUsage {
        guard let value, value.objectValue != nil else { return TokenUsage() }
        func count(_ keys: String...) -> Int? {
            for key in keys {
                if let number = value[key]?.numberValue, number >= 0, number < 1e12 { return Int(number) }
            }
            return nil
        }
        let details = value["completion_tokens_details"] ?? value["output_tokens_details"]
        let reasoning = details?["reasoning_tokens"]?.numberValue ?? value["reasoning_tokens"]?.numberValue
        let cached = (value["prompt_tokens_details"] ?? value["input_tokens_details"])?["cached_tokens"]?.numberValue
        return TokenUsage(
            promptTokens: count("prompt_tokens", "input_tokens", "prompt_eval_count"),
            completionTokens: count("completion_tokens", "output_tokens", "eval_count"),
            reasoningTokens: reasoning.flatMap { $0 >= 0 && $0 < 1e12 ? Int($0) : nil },
            cacheHitTokens: count("prompt_cache_hit_tokens") ?? cached.flatMap { $0 >= 0 && $0 < 1e12 ? Int($0) : nil },
            cacheMissTokens: count("prompt_cache_miss_tokens"))
    }
}
