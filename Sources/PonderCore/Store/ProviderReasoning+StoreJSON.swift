extension ProviderReasoning {
    /// The form stored in `messages.provider_reasoning` and exported: `{"format": …, "items": […]}`.
    var json: JSONValue {
        ["format": .string(format.rawValue), "items": .array(items)]
    }

    /// Reads `json` back; nil for a form this version cannot read (the message stays usable, its
    /// reasoning is then simply not sent back).
    init?(json: JSONValue) {
        guard let name = json["format"]?.stringValue, let format = Format(rawValue: name),
            let items = json["items"]?.arrayValue
        else { return nil }
        self.init(format: format, items: items)
    }

    /// `json` as the text of the store column.
    var storedJSON: String { json.serialized }

    init?(storedJSON text: String) {
        guard let json = try? JSONValue.parse(text) else { return nil }
        self.init(json: json)
    }
}
