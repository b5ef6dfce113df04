/// Decodes a `text/event-stream` body fed in arbitrary byte pieces into events, following the WHATWG
/// algorithm: CR/LF/CRLF line ends, comments, `data`/`event`/`id`/`retry` fields, one BOM stripped, and
/// an event only dispatched at its blank line (a final event without one is discarded).
public struct SSEDecoder: Sendable {
    private var lines: LineSplitter
    private var fields: FieldState
    /// The last event id seen; persists across events.
    public var lastEventID: String { fields.lastEventID }
    /// The reconnection time a `retry` field set, in milliseconds (informational; LLM streams never reconnect).
    public var reconnectionTime: Int? { fields.reconnectionTime }
    public let maximumEventSize: Int

    public init(maximumEventSize: Int = 16 << 20) {
        self.maximumEventSize = maximumEventSize
        lines = LineSplitter(terminators: .crOrLF, maximumLineLength: maximumEventSize, stripsByteOrderMark: true)
        fields = FieldState(maximumEventSize: maximumEventSize)
    }

    /// An event's data outgrew `maximumEventSize`.
    public struct EventTooLarge: Error, Equatable, Sendable {
        public var limit: Int
    }

    /// Feeds the next piece of the body; dispatched events and comments are appended to `out`.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, into out: inout [SSEItem]) throws(EventTooLarge) {
        var overflow = false
        do {
            try lines.feed(chunk) { line in
                if !fields.processLine(line, into: &out) { overflow = true }
            }
        } catch {
            overflow = true
        }
        if overflow {
            fields.discardEvent()
            throw EventTooLarge(limit: maximumEventSize)
        }
    }

    /// Convenience: the items one piece completes.
    public mutating func feed(_ chunk: [UInt8]) throws(EventTooLarge) -> [SSEItem] {
        var out: [SSEItem] = []
        var failure: EventTooLarge?
        chunk.withUnsafeBytes { buffer in
            do throws(EventTooLarge) {
                try feed(buffer, into: &out)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return out
    }

}

extension SSEDecoder {
    /// The per-event buffers of the algorithm (data, event type, last event id).
    fileprivate struct FieldState: Sendable {
        let maximumEventSize: Int
        var data: [UInt8] = []
        var hasData = false
        var eventType = ""
        var lastEventIDBuffer = ""
        var lastEventID = ""
        var reconnectionTime: Int?

        init(maximumEventSize: Int) {
            self.maximumEventSize = maximumEventSize
        }

        mutating func discardEvent() {
            data = []
            hasData = false
        }

        /// Returns false when the event grew too large.
        mutating func processLine(_ line: UnsafeRawBufferPointer, into out: inout [SSEItem]) -> Bool {
            if line.isEmpty {
                dispatch(into: &out)
                return true
            }
            if line[0] == UInt8(ascii: ":") {
                out.append(.comment)
                return true
            }
            var nameEnd = line.count
            var valueStart = line.count
            if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                nameEnd = colon
                valueStart = colon + 1
                if valueStart < line.count, line[valueStart] == 0x20 { valueStart += 1 }
            }
            let name = UnsafeRawBufferPointer(rebasing: line[0..<nameEnd])
            let value = UnsafeRawBufferPointer(rebasing: line[valueStart..<line.count])
            if Self.equals(name, "data") {
                guard data.count + value.count + 1 <= maximumEventSize else { return false }
                // Typed, the bytes are copied at once (raw bytes would be appended one by one).
                value.withMemoryRebound(to: UInt8.self) { data.append(contentsOf: $0) }
                data.append(0x0A)
                hasData = true
            } else if Self.equals(name, "event") {
                eventType = String(decoding: value, as: UTF8.self)
            } else if Self.equals(name, "id") {
                if !value.contains(0) { lastEventIDBuffer = String(decoding: value, as: UTF8.self) }
            } else if Self.equals(name, "retry") {
                if !value.isEmpty, value.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                    reconnectionTime = Int(String(decoding: value, as: UTF8.self))
                }
            }
            return true
        }

        private mutating func dispatch(into out: inout [SSEItem]) {
            lastEventID = lastEventIDBuffer
            guard hasData else {
                eventType = ""
                return
            }
            data.removeLast()
            out.append(
                .event(
                    SSEEvent(type: eventType.isEmpty ? "message" : eventType, dataBytes: data, lastEventID: lastEventID)
                )
            )
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = ""
        }

        private static func equals(_ bytes: UnsafeRawBufferPointer, _ name: StaticString) -> Bool {
            guard bytes.count == name.utf8CodeUnitCount else { return false }
            let start = name.utf8Start
            for index in 0..<bytes.count where bytes[index] != start[index] { return false }
            return true
        }
    }
}
