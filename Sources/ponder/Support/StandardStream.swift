import Foundation
import PonderCore

/// Standard output or standard error written with write(2): no buffering (each piece of a stream
/// shows at once) and no crash when the reader has gone (`ponder ask | head -1`): the write
/// reports failure instead.
struct StandardStream: Sendable {
    let descriptor: Int32
    /// Whether the stream is a terminal (colours allowed, model text sanitised).
    let isTerminal: Bool

    init(descriptor: Int32) {
        self.descriptor = descriptor
        isTerminal = isatty(descriptor) == 1
    }

    static let output = StandardStream(descriptor: STDOUT_FILENO)
    static let error = StandardStream(descriptor: STDERR_FILENO)

    /// Writes everything; false when the stream is closed or failed.
    @discardableResult
    func write(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            guard var base = buffer.baseAddress else { return true }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Foundation.write(descriptor, base, remaining)
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return false
                }
                remaining -= written
                base += written
            }
            return true
        }
    }

    /// Writes `text` as a line.
    @discardableResult
    func line(_ text: String) -> Bool { write(text + "\n") }

    /// Model or user text made safe for this stream: sanitised on a terminal, as is otherwise.
    func safe(_ text: String) -> String {
        isTerminal ? Sanitizer.sanitize(text) : text
    }
}
