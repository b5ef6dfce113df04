import Foundation
import PonderCore

/// The import's progress on stderr when stderr is a terminal, redrawn in place at most ten times a
/// second and erased at the end; nothing at all when stderr is a file or a pipe.
final class ImportProgressLine {
    private let stream: StandardStream
    private var lastDrawn: Date?
    private var shown = false

    init(stream: StandardStream) { self.stream = stream }

    func show(_ text: String) {
        guard stream.isTerminal else { return }
        stream.write("\r\u{1B}[2K" + text)
        shown = true
    }

    func update(_ progress: ImportProgress) {
        let now = Date()
        if let lastDrawn, now.timeIntervalSince(lastDrawn) < 0.1, progress.done < progress.total { return }
        lastDrawn = now
        show(progress.line)
    }

    func clear() {
        guard shown else { return }
        stream.write("\r\u{1B}[2K")
        shown = false
    }
}
