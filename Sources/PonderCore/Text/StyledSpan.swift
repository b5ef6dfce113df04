/// A run of text drawn in one style. Spans inside a `StyledLine` never contain a newline or a
/// control character: their text has been through `Sanitizer` and `LineWrapper`.
public struct StyledSpan: Hashable, Sendable {
    public var text: String
    public var style: TextStyle

    public init(_ text: String, _ style: TextStyle = .plain) {
        self.text = text
        self.style = style
    }

    /// Width of the span in terminal columns.
    public var displayWidth: Int { DisplayWidth.of(text) }
}
