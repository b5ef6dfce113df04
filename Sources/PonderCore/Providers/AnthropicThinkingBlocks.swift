/// Collects the `thinking` and `redacted_thinking` content blocks of one streamed Anthropic answer as
/// the API will want them back: the thinking text as streamed, the signature assigned (it arrives as
/// one `signature_delta` before the block ends), redacted data as received. Text blocks are left out.
struct AnthropicThinkingBlocks: Sendable {
    private struct Block: Sendable {
        var index: Int?
        var type: String
        var thinking = ""
        var signature = ""
        var data = ""
    }

    private var blocks: [Block] = []

    mutating func start(_ contentBlock: JSONValue?, at index: Int?) {
        switch contentBlock?["type"]?.stringValue {
        case "thinking":
            blocks.append(
                Block(
                    index: index, type: "thinking", thinking: contentBlock?["thinking"]?.stringValue ?? "",
                    signature: contentBlock?["signature"]?.stringValue ?? ""))
        case "redacted_thinking":
            blocks.append(
                Block(index: index, type: "redacted_thinking", data: contentBlock?["data"]?.stringValue ?? ""))
        default:
            break
        }
    }

    mutating func appendThinking(_ text: String, at index: Int?) {
        guard let position = position(of: index) else { return }
        blocks[position].thinking += text
    }

    mutating func setSignature(_ signature: String, at index: Int?) {
        guard let position = position(of: index) else { return }
        blocks[position].signature = signature
    }

    /// The blocks in the form a request carries them; nil when the answer had none.
    var record: ProviderReasoning? {
        guard !blocks.isEmpty else { return nil }
        let items: [JSONValue] = blocks.map { block in
            block.type == "redacted_thinking"
                ? ["type": "redacted_thinking", "data": .string(block.data)]
                : ["type": "thinking", "thinking": .string(block.thinking), "signature": .string(block.signature)]
        }
        return ProviderReasoning(format: .anthropic, items: items)
    }

    /// The block a delta belongs to: by its index, else the last one started.
    private func position(of index: Int?) -> Int? {
        guard let index else { return blocks.indices.last }
        return blocks.lastIndex { $0.index == index }
    }
}
