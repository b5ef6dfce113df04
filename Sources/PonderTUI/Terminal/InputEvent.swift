/// Everything the terminal can tell the app.
public enum InputEvent: Hashable, Sendable {
    case key(KeyPress)
    /// A bracketed paste, whole, as one event (never typed key by key).
    case paste(String)
    case mouse(MouseEvent)
    /// The terminal changed size; the new size is read from the terminal.
    case resize
}

/// A mouse click or wheel step at a cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Button 1 (left), 2 (middle) or 3 (right) went down.
        case press(button: Int)
        case release
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var position: Point

    public init(_ kind: Kind, at position: Point) {
        self.kind = kind
        self.position = position
    }
}
