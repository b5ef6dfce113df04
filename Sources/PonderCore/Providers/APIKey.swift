/// A secret and where it came from. The value never appears in descriptions, logs or exports.
public struct APIKey: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let value: String
    /// Human words for the source, e.g. "the DEEPSEEK_API_KEY environment variable"; used in 401 messages.
    public let source: String

    public init(value: String, source: String) {
        self.value = value
        self.source = source
    }

    public var description: String { "<key from \(source)>" }
}
