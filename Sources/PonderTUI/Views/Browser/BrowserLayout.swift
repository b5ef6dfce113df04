/// Where the browser's parts go on a screen of a given size: a title row, the search field, the
/// list (beside a preview on screens 80 columns or wider) and the footer on the last row.
public struct BrowserLayout: Equatable, Sendable {
    /// Narrower than this, the preview is left out.
    public static let previewMinimumWidth = 80

    public var title: Rect
    public var query: Rect
    public var list: Rect
    public var separator: Rect?
    public var preview: Rect?
    public var footer: Rect

    public init(size: Size) {
        title = Rect(x: 0, y: 0, width: size.width, height: 1)
        query = Rect(x: 0, y: 1, width: size.width, height: 1)
        footer = Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: 1)
        let bodyHeight = max(0, size.height - 3)
        if size.width >= Self.previewMinimumWidth {
            let listWidth = max(36, size.width * 9 / 20)
            list = Rect(x: 0, y: 2, width: listWidth, height: bodyHeight)
            separator = Rect(x: listWidth, y: 2, width: 1, height: bodyHeight)
            preview = Rect(x: listWidth + 1, y: 2, width: size.width - listWidth - 1, height: bodyHeight)
        } else {
            list = Rect(x: 0, y: 2, width: size.width, height: bodyHeight)
            separator = nil
            preview = nil
        }
    }
}
