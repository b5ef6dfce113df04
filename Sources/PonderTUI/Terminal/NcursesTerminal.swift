import CNcurses
import Foundation
import PonderCore

/// The real terminal, through ncursesw. CNcurses is imported only by the three `Ncurses*` files
/// (this one, its palette and its keypad table); every call happens on the thread that runs the
/// event loop.
///
/// `start()` follows a careful order: stderr to the log file (nothing may be printed while
/// curses owns the screen), the locale (UTF-8 where none is set, see `takeLocale`), `newterm`, raw
/// mode without echo or CR translation, keypad, non-blocking reads, a short ESCDELAY for the new
/// screen, colors (with fallbacks for 8/16/256 colors and `NO_COLOR`), mouse clicks and wheel,
/// bracketed paste. `stop()` undoes all of it.
public final class NcursesTerminal: Terminal {
    private let stderrLogPath: String?
    private let colorsAllowed: Bool
    private var savedStderr: Int32 = -1
    private var isStarted = false
    private var palette = NcursesPalette(colorCount: 0, defaultColors: false)
    private var cursorVisible = false

    /// - Parameters:
    ///   - stderrLogPath: where stderr goes while the screen is taken (nil leaves it alone).
    ///   - environment: read for `NO_COLOR`.
    public init(stderrLogPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.stderrLogPath = stderrLogPath
        self.colorsAllowed = (environment["NO_COLOR"] ?? "").isEmpty
    }

    deinit { stop() }

    public var inputFileDescriptor: Int32 { STDIN_FILENO }

    /// Colors the terminal shows (0 without colors or with `NO_COLOR`); known after `start()`.
    public var colorCount: Int { palette.colorCount }

    public var size: Size { Size(width: Int(cn_getmaxx()), height: Int(cn_getmaxy())) }

    public func start() throws {
        guard !isStarted else { return }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError("ponder needs an interactive terminal (stdin and stdout must be a TTY)")
        }
        redirectStderr()
        takeLocale()
        guard cn_newterm() != nil else {
            restoreStderr()
            let name = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
            throw TerminalError("cannot use terminal type '\(name)'; set TERM to a known type such as xterm-256color")
        }
        isStarted = true
        raw()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        nodelay(cn_stdscr(), true)
        cn_set_escdelay(25)
        curs_set(0)
        setUpColors()
        mouseinterval(0)
        let buttons = cn_button1_pressed() | cn_button1_released() | cn_button2_pressed() | cn_button3_pressed()
        mousemask(buttons | cn_button4_pressed() | cn_button5_pressed(), nil)
        _ = cn_flush_frame()
        // Until its screen has been through endwin once, ncurses flushes its output at every cursor
        // move (its "initial" state, meant for low-level terminfo programs): a frame left in dozens of
        // writes, each waking the terminal. Leaving and resuming once, before anything is drawn,
        // makes every frame one write.
        endwin()
        _ = cn_flush_frame()
        writeToTTY("\u{1B}[?2004h")
    }

    /// The user's locale, with one exception: where it leaves the C library without UTF-8 because none is
    /// set, it is "C" or "POSIX", or it names a locale this machine lacks (a container, an `ssh` that
    /// does not pass `LANG`), ncurses could neither draw nor read anything but ASCII: borders vanish, and
    /// text typed after the first accent is lost. Terminals speak UTF-8 today, so the characters alone
    /// then use C.UTF-8 (as Python does for the C locale). A locale the user chose with another encoding
    /// is kept.
    private func takeLocale() {
        cn_setlocale_all()
        guard !Self.isUTF8(String(cString: cn_codeset())), Self.plainLocales.contains(Self.ctypeLocale) else { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where cn_set_ctype_locale(name) != 0 {
            if Self.isUTF8(String(cString: cn_codeset())) { return }
        }
        _ = cn_set_ctype_locale("")
    }

    private static let plainLocales: Set<String> = ["C", "POSIX"]

    private static var ctypeLocale: String { setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "" }

    private static func isUTF8(_ codeset: String) -> Bool {
        let name = codeset.lowercased()
        return name == "utf-8" || name == "utf8"
    }

    public func stop() {
        guard isStarted else { return }
        isStarted = false
        writeToTTY("\u{1B}[?2004l")
        curs_set(1)
        endwin()
        restoreStderr()
    }

    public func suspend() {
        guard isStarted else { return }
        writeToTTY("\u{1B}[?2004l")
        curs_set(1)
        endwin()
        restoreStderr()
    }

    public func resume() {
        guard isStarted else { return }
        redirectStderr()
        clearok(cn_stdscr(), true)
        _ = cn_flush_frame()
        curs_set(cursorVisible ? 1 : 0)
        writeToTTY("\u{1B}[?2004h")
        sizeChanged()
    }

    public func sizeChanged() {
        guard isStarted else { return }
        var window = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else { return }
        resizeterm(Int32(window.ws_row), Int32(window.ws_col))
    }

    public func readInput() -> [InputUnit] {
        var units: [InputUnit] = []
        var character: wint_t = 0
        while units.count < 65_536 {
            let result = cn_wget_wch(&character)
            if result == cn_err() { break }
            if result == cn_key_code_yes() {
                if let event = keypadEvent(Int32(character)) { units.append(.event(event)) }
            } else if let scalar = Unicode.Scalar(UInt32(character)) {
                units.append(.scalar(scalar))
            }
        }
        return units
    }

    public func present(_ changes: [CellChange], cursor: Point?) {
        var cell = cchar_t()
        var text = [wchar_t](repeating: 0, count: Cell.scalarCapacity + 1)
        for change in changes {
            for index in 0..<Cell.scalarCapacity { text[index] = wchar_t(change.cell.scalarValue(at: index)) }
            let (attributes, pair) = palette.attributes(for: change.cell.style)
            if cn_setcchar(&cell, text, attributes, pair) == cn_err() {
                text[1] = 0
                _ = cn_setcchar(&cell, text, attributes, pair)
            }
            _ = cn_mvadd_wch(Int32(change.y), Int32(change.x), &cell)
        }
        if let cursor {
            _ = cn_move(Int32(cursor.y), Int32(cursor.x))
        }
        if (cursor != nil) != cursorVisible {
            cursorVisible = cursor != nil
            curs_set(cursorVisible ? 1 : 0)
        }
        _ = cn_flush_frame()
    }

    private func setUpColors() {
        guard colorsAllowed, has_colors() else { return }
        start_color()
        let defaults = use_default_colors() == cn_ok()
        palette = NcursesPalette(colorCount: Int(cn_colors()), defaultColors: defaults)
    }

    private func keypadEvent(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return mouseEvent()
        default: break
        }
        if let press = NcursesKeypad.keyPress(code, f0: cn_key_f0(), name: keyName(code)) { return .key(press) }
        return nil
    }

    private func keyName(_ code: Int32) -> String? {
        guard code > cn_key_max(), let name = keyname(code) else { return nil }
        return String(cString: name)
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == cn_ok() else { return nil }
        let position = Point(x: Int(event.x), y: Int(event.y))
        let state = event.bstate
        if state & cn_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, at: position)) }
        if state & cn_button5_pressed() != 0 { return .mouse(MouseEvent(.wheelDown, at: position)) }
        if state & cn_button1_pressed() != 0 { return .mouse(MouseEvent(.press(button: 1), at: position)) }
        if state & cn_button2_pressed() != 0 { return .mouse(MouseEvent(.press(button: 2), at: position)) }
        if state & cn_button3_pressed() != 0 { return .mouse(MouseEvent(.press(button: 3), at: position)) }
        if state & cn_button1_released() != 0 { return .mouse(MouseEvent(.release, at: position)) }
        return nil
    }

    private func redirectStderr() {
        guard let stderrLogPath else { return }
        let log = open(stderrLogPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard log >= 0 else { return }
        savedStderr = dup(STDERR_FILENO)
        dup2(log, STDERR_FILENO)
        close(log)
    }

    private func restoreStderr() {
        guard savedStderr >= 0 else { return }
        dup2(savedStderr, STDERR_FILENO)
        close(savedStderr)
        savedStderr = -1
    }

    public func copyToClipboard(_ text: String) {
        writeToTTY(Sanitizer.clipboardSequence(text))
    }

    private func writeToTTY(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }
}
