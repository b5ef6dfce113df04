/// Merges the `reasoning_details` fragments OpenRouter streams into the entries it wants back: every
/// fragment names its entry by `index` (the same index continues it); `text`, `summary` and `data`
/// pieces are joined, the other fields (`type`, `id`, `format`, `signature`) keep the first value given,
/// except that a later non-empty `signature` replaces an empty one. Fragments without an index continue
/// the previous entry of the same type. Unknown fields are kept as they came.
struct ReasoningDetailsMerger: Sendable {
    private var entries: [[String: JSONValue]] = []
    private var positionByIndex: [Int: Int] = [:]

    static let joinedFields: Set<String> = ["text", "summary", "data"]

    mutating func add(_ fragment: JSONValue) {
        guard case .object(let members) = fragment else { return }
        let position: Int?
        if let index = members["index"]?.intValue {
            position = positionByIndex[index]
        } else if let last = entries.indices.last, entries[last]["index"] == nil,
            entries[last]["type"] == members["type"]
        {
            position = last
        } else {
            position = nil
        }
        guard let position else {
            if let index = members["index"]?.intValue { positionByIndex[index] = entries.count }
            entries.append(members)
            return
        }
        for (key, value) in members {
            if Self.joinedFields.contains(key), let piece = value.stringValue {
                entries[position][key] = .string((entries[position][key]?.stringValue ?? "") + piece)
            } else if let existing = entries[position][key], !existing.isNull,
                existing.stringValue?.isEmpty != true
            {
                continue
            } else {
                entries[position][key] = value
            }
        }
    }

    /// The merged entries; nil when none arrived.
    var record: ProviderReasoning? {
        entries.isEmpty ? nil : ProviderReasoning(format: .openRouter, items: entries.map(JSONValue.object))
    }
}
