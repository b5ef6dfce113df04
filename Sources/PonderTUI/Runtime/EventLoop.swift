import Foundation
import Logging

/// The one loop that owns the terminal: `poll()` on terminal input, the event queue's wake
/// pipe and the signal pipe; decode input; reduce events; hand effects to the effect handler; draw
/// at most one frame per `frameInterval` (but echo input at once), and only when something
/// changed. A stream's tokens arrive already merged (at most 15 updates a second, see
/// `DeltaBatcher`); the frame limit is what folds them into the frames of keys being typed, see
/// docs/decisions.md. With nothing pending it sleeps in `poll()` without a timeout; a timer runs
/// only while a deadline (a notice expiring) is near.
public final class EventLoop: TerminalServices {
    /// How the loop ended.
    public enum Exit: Equatable, Sendable {
        case quit
        case signal(Int32)
    }

    public let queue: EventQueue
    public private(set) var state: AppState
    public private(set) var framesDrawn = 0
    public var frameInterval = 1.0 / 60
    public var keymap = Keymap.standard
    public var theme = Theme.standard

    private let terminal: any Terminal
    private let signals: TerminationSignals?
    private let effects: any EffectHandler
    private let clock: () -> Double
    private let logger = Logger(label: "ponder.loop")
    private var decoder = InputDecoder()
    private var lastInputAt = 0.0
    private var previousFrame: ScreenBuffer?
    /// The frame before the previous one, cleared and drawn into next (two buffers take turns).
    private var spareFrame: ScreenBuffer?
    private var lastFrameAt = -Double.infinity
    private var dirty = true
    /// A key or click arrived since the last frame: its echo is drawn at once, not at the next
    /// frame slot, so typing stays immediate while an answer streams.
    private var inputSinceFrame = false
    private let textCache = MessageTextCache()
    /// Panes kept from earlier frames, copied while what they show is unchanged.
    private let paneMemos = PaneMemos()

    public init(
        terminal: any Terminal, state: AppState, queue: EventQueue = EventQueue(), signals: TerminationSignals? = nil,
        clock: @escaping () -> Double = EventLoop.monotonicSeconds, effects: any EffectHandler
    ) {
        self.terminal = terminal
        self.state = state
        self.queue = queue
        self.signals = signals
        self.clock = clock
        self.effects = effects
    }

    /// Seconds from an arbitrary fixed point, never going backwards.
    public static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs until a quit effect or a termination signal.
    public func run() -> Exit {
        apply(.resized(terminal.size))
        while true {
            if state.isQuitting { return .quit }
            let now = clock()
            if dirty && (inputSinceFrame || now - lastFrameAt >= frameInterval) { draw(at: now) }
            let ready = wait(timeout: timeout(now: clock()))
            if let received = signals?.received() {
                if let signal = received.termination {
                    logger.info("received signal \(signal); leaving")
                    return .signal(signal)
                }
                if received.resized {
                    terminal.sizeChanged()
                    apply(.resized(terminal.size))
                }
            }
            if ready.hangUp {
                logger.info("terminal input closed; leaving")
                return .signal(SIGHUP)
            }
            if ready.wake { for event in queue.drain() { apply(event) } }
            if ready.input || ready.interrupted { readTerminal() }
            let later = clock()
            if let limit = decoder.pendingTimeout, later - lastInputAt >= limit {
                for input in decoder.flush() { applyInput(input, at: later) }
            }
            if let deadline = state.nextDeadline, later >= deadline { apply(.tick(at: later)) }
        }
    }

    /// Draws the current state now (diffed against the previous frame).
    public func draw(at now: Double) {
        var frame = spareFrame.take() ?? ScreenBuffer(size: state.size)
        if frame.size == state.size { frame.clear() } else { frame = ScreenBuffer(size: state.size) }
        var report = ScrollReport()
        let cursor = RootView.render(
            state, into: &frame, keymap: keymap, theme: theme, cache: textCache, memos: paneMemos, report: &report)
        terminal.present(ScreenDiff.changes(from: previousFrame, to: frame), cursor: cursor)
        textCache.endFrame()
        spareFrame = previousFrame.take()
        previousFrame = frame
        lastFrameAt = now
        dirty = false
        inputSinceFrame = false
        framesDrawn += 1
        // What was drawn becomes the state's scroll position; the screen already shows it.
        if !report.isEmpty { _ = Reducer.reduce(&state, .scrollResolved(report), keymap: keymap) }
        // The status bar counted matches before the pane chose the current one: draw it again.
        if report.findCurrent != nil { dirty = true }
        // A trace jump with nowhere to go leaves a notice for the next frame to show.
        if report.trace?.missed != nil { dirty = true }
    }

    /// Feeds one event through the reducer and hands its effects to the effect handler.
    public func apply(_ event: AppEvent) {
        let produced = Reducer.reduce(&state, event, keymap: keymap)
        dirty = true
        for effect in produced {
            logger.debug("effect \(String(describing: effect).prefix(80))")
            effects.handle(effect, terminal: self)
        }
    }

    public func copyToClipboard(_ text: String) {
        terminal.copyToClipboard(text)
    }

    /// Hands the terminal to the user's editor, then puts its text in the message editor.
    public func editExternally(_ text: String) {
        terminal.suspend()
        let result = ExternalEditor.edit(text)
        terminal.resume()
        terminal.sizeChanged()
        previousFrame = nil
        switch result {
        case .success(let edited): apply(.editorTextEdited(edited))
        case .failure(let failure): apply(.notice(failure.message))
        }
        apply(.resized(terminal.size))
    }

    private func applyInput(_ input: InputEvent, at time: Double) {
        if input == .resize {
            apply(.resized(terminal.size))
        } else {
            apply(.input(input, at: time))
        }
    }

    private func readTerminal() {
        let units = terminal.readInput()
        guard !units.isEmpty else { return }
        let now = clock()
        lastInputAt = now
        inputSinceFrame = true
        for input in decoder.feed(units) { applyInput(input, at: now) }
    }

    /// Milliseconds until something is due, or -1 to sleep until an event arrives.
    private func timeout(now: Double) -> Int32 {
        var due: [Double] = []
        if dirty { due.append(inputSinceFrame ? now : lastFrameAt + frameInterval) }
        if let pending = decoder.pendingTimeout { due.append(lastInputAt + pending) }
        if let deadline = state.nextDeadline { due.append(deadline) }
        guard let next = due.min() else { return -1 }
        return Int32(max(0, min(60_000, ((next - now) * 1000).rounded(.up))))
    }

    private struct Readiness {
        var input = false
        var wake = false
        var interrupted = false
        var hangUp = false
    }

    private func wait(timeout: Int32) -> Readiness {
        var fds = [
            pollfd(fd: terminal.inputFileDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: queue.wakeDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signals?.descriptor ?? -1, events: Int16(POLLIN), revents: 0),
        ]
        let result = poll(&fds, nfds_t(fds.count), timeout)
        var readiness = Readiness()
        if result < 0 {
            readiness.interrupted = errno == EINTR
            return readiness
        }
        readiness.input = fds[0].revents & Int16(POLLIN) != 0
        readiness.hangUp = fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && !readiness.input
        readiness.wake = fds[1].revents != 0
        return readiness
    }
}
