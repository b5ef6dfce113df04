import Foundation
import PonderCore

/// A status line on standard error while a long job runs. On a terminal it is one line, rewritten in
/// place and ticking with the seconds so far; otherwise (a log, a pipe) each new text is printed once,
/// as plain lines, with no escape sequences.
final class ProgressLine: @unchecked Sendable {
    private let stream: StandardStream
    private let lock = NSLock()
    private let started = ContinuousClock.now
    private var text = ""
    private var ticker: DispatchSourceTimer?

    init(stream: StandardStream = .error) {
        self.stream = stream
        guard stream.isTerminal else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in self?.redraw() }
        timer.resume()
        ticker = timer
    }

    /// Shows `text` (already free of escape sequences) as the current state.
    func update(_ text: String) {
        lock.lock()
        let changed = text != self.text
        self.text = text
        lock.unlock()
        if stream.isTerminal {
            redraw()
        } else if changed {
            stream.line(text)
        }
    }

    /// Stops ticking and clears the line on a terminal, so what follows starts on a clean line.
    func finish() {
        lock.lock()
        ticker?.cancel()
        ticker = nil
        lock.unlock()
        if stream.isTerminal { stream.write("\r\u{1B}[K") }
    }

    /// Seconds since the line was made.
    var elapsedSeconds: Int { Int((ContinuousClock.now - started).components.seconds) }

    private func redraw() {
        lock.lock()
        defer { lock.unlock() }
        guard ticker != nil else { return }
        let line = "\(text)  \(elapsedSeconds) s"
        stream.write("\r\u{1B}[K" + Self.fit(line, columns: Self.terminalColumns(stream.descriptor) - 1))
    }

    /// `text` cut to `columns` terminal columns, with an ellipsis when cut.
    static func fit(_ text: String, columns: Int) -> String {
        var width = 0
        var kept = ""
        for character in text {
            let next = DisplayWidth.of(character)
            if width + next > columns - 1 {
                return kept + "…"
            }
            width += next
            kept.append(character)
        }
        return kept
    }

    private static func terminalColumns(_ descriptor: Int32) -> Int {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 10 else { return 80 }
        return Int(size.ws_col)
    }
}
