import Foundation

/// A terminal in memory, for tests and benchmarks: it keeps the screen as a `ScreenBuffer`
/// (applying each frame's changes the way a real terminal would), records every presented
/// frame as text, and plays input scripted in advance. Use it from one thread.
public final class MemoryTerminal: Terminal {
    public private(set) var size: Size
    /// What the "glass" shows after the last frame.
    public private(set) var screen: ScreenBuffer
    /// Every presented frame as plain-text rows, oldest first (when `recordsFrames`).
    public private(set) var frames: [[String]] = []
    public private(set) var cursor: Point?
    public private(set) var isStarted = false
    public private(set) var presentCount = 0
    /// Texts sent to the clipboard, oldest first.
    public private(set) var clipboard: [String] = []
    /// Total cells written over all frames.
    public private(set) var cellsWritten = 0
    public var recordsFrames: Bool
    /// Called after every frame, e.g. to script input that reacts to what is on screen.
    public var onPresent: ((MemoryTerminal) -> Void)?

    private var scripted: [InputUnit] = []
    private let wakeReader: Int32
    private let wakeWriter: Int32

    public init(size: Size, recordsFrames: Bool = true) {
        self.size = size
        self.screen = ScreenBuffer(size: size)
        self.recordsFrames = recordsFrames
        var fds: [Int32] = [0, 0]
        if pipe(&fds) != 0 { fatalError("pipe() failed: \(errno)") }
        wakeReader = fds[0]
        wakeWriter = fds[1]
        _ = fcntl(wakeReader, F_SETFL, O_NONBLOCK)
    }

    deinit {
        close(wakeReader)
        close(wakeWriter)
    }

    public var inputFileDescriptor: Int32 { wakeReader }

    public func start() throws { isStarted = true }
    public func stop() { isStarted = false }

    /// Queues raw input units to be read by the loop.
    public func script(_ units: [InputUnit]) {
        scripted.append(contentsOf: units)
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }

    /// Queues text as if typed (or pasted, when wrapped in bracketed-paste markers).
    public func type(_ text: String) { script(text.unicodeScalars.map { .scalar($0) }) }

    /// Queues an already decoded event (what a keypad code or mouse report becomes).
    public func send(_ event: InputEvent) { script([.event(event)]) }

    /// Changes the size and queues the resize event, as a window manager would.
    public func resize(to newSize: Size) {
        size = newSize
        screen = ScreenBuffer(size: newSize)
        send(.resize)
    }

    public func readInput() -> [InputUnit] {
        var sink = [UInt8](repeating: 0, count: 64)
        while read(wakeReader, &sink, sink.count) > 0 {}
        defer { scripted.removeAll() }
        return scripted
    }

    public func copyToClipboard(_ text: String) { clipboard.append(text) }

    public func present(_ changes: [CellChange], cursor: Point?) {
        for change in changes {
            screen.place(change.cell, x: change.x, y: change.y)
        }
        self.cursor = cursor
        presentCount += 1
        cellsWritten += changes.count
        if recordsFrames { frames.append(screen.lines()) }
        onPresent?(self)
    }
}
