/// What only the loop thread can do, because it owns the terminal. The loop lends itself to the
/// effect handler for these.
public protocol TerminalServices: AnyObject {
    /// Puts text on the clipboard (OSC 52 on a real terminal).
    func copyToClipboard(_ text: String)
    /// Hands the terminal to the user's editor and puts its text in the message editor.
    func editExternally(_ text: String)
}
