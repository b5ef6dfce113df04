/// One dispatched Server-Sent Event (WHATWG HTML §9.2), or a comment line.
public enum SSEItem: Equatable, Sendable {
    case event(SSEEvent)
    /// A `:` comment line (`: keep-alive`, `: OPENROUTER PROCESSING`, pings): liveness, not progress.
    case comment
}

/// The fields of a dispatched event. `data` keeps the raw UTF-8 bytes so providers can parse JSON
/// without an intermediate `String`.
public struct SSEEvent: Equatable, Sendable {
    /// The event type; `message` when the stream named none.
    public var type: String
    public var dataBytes: [UInt8]
    public var lastEventID: String

    public init(type: String = "message", data: String, lastEventID: String = "") {
        self.init(type: type, dataBytes: Array(data.utf8), lastEventID: lastEventID)
    }

    public init(type: String, dataBytes: [UInt8], lastEventID: String) {
        self.type = type
        self.dataBytes = dataBytes
        self.lastEventID = lastEventID
    }

    /// The data decoded as UTF-8 (invalid sequences become U+FFFD).
    public var data: String { String(decoding: dataBytes, as: UTF8.self) }
}
