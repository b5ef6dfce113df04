/// A full-screen terminal as the event loop sees it. Implementations are used from one thread
/// only, the thread that runs the loop.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// A descriptor that becomes readable when input is waiting (polled by the event loop).
    var inputFileDescriptor: Int32 { get }
    /// Takes over the screen (raw mode, alternate screen, colors, mouse, bracketed paste).
    func start() throws
    /// Gives the screen back exactly as it was; safe to call more than once.
    func stop()
    /// Everything readable right now, without blocking.
    func readInput() -> [InputUnit]
    /// Writes the changed cells, places (or hides) the cursor, and flushes once.
    func present(_ changes: [CellChange], cursor: Point?)
    /// Puts text on the system clipboard through the terminal (OSC 52); called between frames.
    func copyToClipboard(_ text: String)
    /// The window size changed (SIGWINCH): re-read it so `size` is current.
    func sizeChanged()
    /// Gives the terminal to another program for a while (the external editor): normal mode,
    /// normal screen, stderr back. `resume()` takes it over again; the next frame redraws all.
    func suspend()
    func resume()
}

extension Terminal {
    public func sizeChanged() {}
    public func suspend() {}
    public func resume() {}
}

/// Why a terminal could not be started.
public struct TerminalError: Error, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
