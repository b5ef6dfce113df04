/// An HTTP request ready to send: what a provider's request builder produces from a `ChatRequest`.
/// Kept free of any HTTP library type so request building stays pure and testable.
public struct PreparedRequest: Equatable, Sendable {
    public var method: String
    public var url: String
    /// Header names in lowercase, in a stable order.
    public var headers: [(name: String, value: String)]
    public var body: JSONValue?

    public init(method: String, url: String, headers: [(name: String, value: String)], body: JSONValue?) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The value of header `name` (case-insensitive), if present.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name == lowered }?.value
    }

    public static func == (lhs: PreparedRequest, rhs: PreparedRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}
