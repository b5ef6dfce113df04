/// Decodes Ollama native `/api/chat` NDJSON lines: `message.thinking` is reasoning, `message.content`
/// answer (through the inline `<think>` splitter for older versions), `done: true` ends the response
/// with `done_reason` and eval counts as usage, `{"error": …}` is an in-band error.
struct OllamaChunkDecoder: Sendable {
    private var channel: ContentChannel

    init(forcedOpenThink: Bool) {
        channel = ContentChannel(forcedOpenThink: forcedOpenThink)
    }

    /// Returns true when the line ended the response.
    mutating func decode(line: UnsafeRawBufferPointer, into out: inout [StreamDelta]) -> Bool {
        let bytes = line.bindMemory(to: UInt8.self)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return false }
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes)
        } catch {
            out.append(.failed(.malformed(error.description)))
            return true
        }
        if let error = json["error"], !error.isNull {
            out.append(.failed(.inBand(OpenAIChunkDecoder.errorMessage(error))))
            return true
        }
        if let thinking = json["message"]?["thinking"]?.nonEmptyString {
            channel.reasoningField(thinking, into: &out)
        }
        if let content = json["message"]?["content"]?.nonEmptyString {
            channel.answerText(content, into: &out)
        }
        if json["done"]?.boolValue == true {
            channel.finish(into: &out)
            let completion = json["eval_count"]?.countValue
            let prompt = json["prompt_eval_count"]?.countValue
            if completion != nil || prompt != nil {
                out.append(.usage(TokenUsage(promptTokens: prompt, completionTokens: completion)))
            }
            let reason = json["done_reason"]?.nonEmptyString.map(OpenAIChunkDecoder.finishReason) ?? .unspecified
            out.append(.finished(reason))
            return true
        }
        return false
    }

    mutating func finish(into out: inout [StreamDelta]) {
        channel.finish(into: &out)
    }
}
