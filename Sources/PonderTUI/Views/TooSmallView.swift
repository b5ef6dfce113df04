/// Shown instead of the layout when the terminal is below `Layout.minimumSize`.
enum TooSmallView {
    static func render(size: Size, theme: Theme, into buffer: inout ScreenBuffer) {
        let minimum = Layout.minimumSize
        buffer.fill(buffer.bounds, style: theme.text)
        PaneChrome.drawCentered(
            [
                "Terminal too small (needs \(minimum.width)x\(minimum.height), now \(size.width)x\(size.height))",
                "Enlarge the window or press Ctrl-Q to quit",
            ],
            in: buffer.bounds, style: theme.warning, into: &buffer)
    }
}
