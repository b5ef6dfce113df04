/// What a key does in the browser.
public enum BrowserCommand: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
    case open
    case focusSearch
    case focusList
    case clearQuery
    case close
    case rename
    case togglePin
    case toggleArchive
    case toggleShowArchived
    case delete
    case undo
    case exportMarkdown
    case exportJSON
}

/// The browser's key bindings, as data: the reducer looks keys up here and the footer's hints
/// are generated from the same table.
public struct BrowserKeymap: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var keys: [KeyPress]
        public var command: BrowserCommand
        /// The footer hint, if the entry has one.
        public var hint: String?
    }

    /// Bindings while the list has the keyboard.
    public var list: [Entry]
    /// Bindings while the search field has it (other printable keys are typed into the query).
    public var query: [Entry]

    public func command(for press: KeyPress, focus: BrowserState.Focus) -> BrowserCommand? {
        (focus == .list ? list : query).first { $0.keys.contains(press) }?.command
    }

    static func entry(_ keys: [KeyPress], _ command: BrowserCommand, _ hint: String? = nil) -> Entry {
        Entry(keys: keys, command: command, hint: hint)
    }

    private static let movement: [Entry] = [
        entry([KeyPress(.up)], .up), entry([KeyPress(.down)], .down), entry([KeyPress(.pageUp)], .pageUp),
        entry([KeyPress(.pageDown)], .pageDown), entry([KeyPress(.enter)], .open, "open"),
    ]

    public static let standard = BrowserKeymap(
        list: [
            entry([.character("/")], .focusSearch, "search"),
            entry([.character("k")], .up), entry([.character("j")], .down),
            entry([.character("g"), KeyPress(.home)], .top), entry([.character("G"), KeyPress(.end)], .bottom),
            entry([.character("o")], .open),
            entry([.character("r")], .rename, "rename"), entry([.character("p")], .togglePin, "pin"),
            entry([.character("a")], .toggleArchive, "archive"),
            entry([.character("A")], .toggleShowArchived, "show archived"),
            entry([.character("d"), KeyPress(.delete)], .delete, "delete"), entry([.character("u")], .undo, "undo"),
            entry([.character("e")], .exportMarkdown, "export md"), entry([.character("E")], .exportJSON, "json"),
            entry([KeyPress(.tab)], .focusSearch),
            entry([KeyPress(.escape), .character("q")], .close, "close"),
        ] + movement,
        query: [
            entry([KeyPress(.escape), KeyPress(.tab)], .focusList, "list"), entry([.ctrl("u")], .clearQuery, "clear"),
            entry([.ctrl("p")], .up), entry([.ctrl("n")], .down),
        ] + movement)
}
