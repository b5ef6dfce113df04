/// Splits a byte stream that arrives in arbitrary pieces into lines, without decoding: a multi-byte
/// UTF-8 character or a CRLF pair split across two reads is joined before the line is handed on.
/// CR and LF never occur inside a multi-byte UTF-8 sequence, so decoding each finished line on its own
/// is safe. Optionally strips one UTF-8 byte order mark at stream offset 0 (as SSE requires).
public struct LineSplitter: Sendable {
    /// Which bytes end a line.
    public enum Terminators: Sendable {
        /// CRLF, a lone LF or a lone CR (SSE).
        case crOrLF
        /// LF only; a CR right before it is dropped (NDJSON).
        case lineFeed
    }

    /// A line grew beyond `maximumLineLength` without ending.
    public struct LineTooLong: Error, Equatable, Sendable {
        public var limit: Int
    }

    public let terminators: Terminators
    public let maximumLineLength: Int
    private var pending: [UInt8] = []
    private var lastWasCR = false
    private var byteOrderMarkBytesSeen = 0
    private var byteOrderMarkDone: Bool

    public init(terminators: Terminators, maximumLineLength: Int = 16 << 20, stripsByteOrderMark: Bool = false) {
        self.terminators = terminators
        self.maximumLineLength = maximumLineLength
        self.byteOrderMarkDone = !stripsByteOrderMark
    }

    /// Bytes of a line that has started but not ended yet.
    public var pendingByteCount: Int { pending.count }

    /// Feeds the next piece of the stream; `onLine` gets every line it completes (without its terminator).
    /// The buffer passed to `onLine` is only valid during the call.
    public mutating func feed(
        _ chunk: UnsafeRawBufferPointer,
        onLine: (UnsafeRawBufferPointer) -> Void
    ) throws(LineTooLong) {
        var start = 0
        var index = 0
        let count = chunk.count
        if !byteOrderMarkDone {
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            while index < count, !byteOrderMarkDone {
                if chunk[index] == bom[byteOrderMarkBytesSeen] {
                    byteOrderMarkBytesSeen += 1
                    index += 1
                    if byteOrderMarkBytesSeen == 3 { byteOrderMarkDone = true }
                } else {
                    // Not a BOM after all: the bytes held so far are ordinary text.
                    pending.append(contentsOf: bom[0..<byteOrderMarkBytesSeen])
                    byteOrderMarkDone = true
                }
            }
            start = index
        }
        while index < count {
            let byte = chunk[index]
            if lastWasCR {
                lastWasCR = false
                if byte == 0x0A, terminators == .crOrLF {
                    index += 1
                    start = index
                    continue
                }
            }
            if byte == 0x0A || (byte == 0x0D && terminators == .crOrLF) {
                var end = index
                if byte == 0x0D { lastWasCR = true }
                if terminators == .lineFeed {
                    if end > start, chunk[end - 1] == 0x0D {
                        end -= 1
                    } else if end == start, pending.last == 0x0D {
                        pending.removeLast()
                    }
                }
                let piece = UnsafeRawBufferPointer(rebasing: chunk[start..<end])
                if pending.isEmpty {
                    onLine(piece)
                } else {
                    try append(piece)
                    pending.withUnsafeBytes { onLine($0) }
                    pending.removeAll(keepingCapacity: pending.count <= 4096)
                }
                index += 1
                start = index
                continue
            }
            index += 1
        }
        if start < count {
            try append(UnsafeRawBufferPointer(rebasing: chunk[start..<count]))
        }
    }

    /// Called at end of stream: the last line if it had no terminator (NDJSON servers may omit the final
    /// LF; SSE discards it, so the SSE decoder does not call this).
    public mutating func finish() -> [UInt8]? {
        guard !pending.isEmpty else { return nil }
        defer { pending = [] }
        if terminators == .lineFeed, pending.last == 0x0D { pending.removeLast() }
        return pending
    }

    private mutating func append(_ piece: UnsafeRawBufferPointer) throws(LineTooLong) {
        guard pending.count + piece.count <= maximumLineLength else {
            pending = []
            throw LineTooLong(limit: maximumLineLength)
        }
        // Appending raw bytes would go element by element; typed, they are copied at once.
        piece.withMemoryRebound(to: UInt8.self) { pending.append(contentsOf: $0) }
    }
}

extension LineSplitter {
    /// Convenience for tests and small inputs: the lines a chunk completes, decoded as UTF-8.
    public mutating func lines(_ chunk: [UInt8]) throws(LineTooLong) -> [String] {
        var out: [String] = []
        var failure: LineTooLong?
        chunk.withUnsafeBytes { buffer in
            do throws(LineTooLong) {
                try feed(buffer) { out.append(String(decoding: $0, as: UTF8.self)) }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return out
    }
}
