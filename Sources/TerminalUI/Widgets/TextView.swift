/// Word-wrapped, vertically scrollable text (a task description).
public struct TextView: Widget {
    public var text: String
    public var style: Style
    /// The first wrapped line shown.
    public var scroll: Int

    public init(_ text: String, style: Style = .normal, scroll: Int = 0) {
        self.text = text
        self.style = style
        self.scroll = scroll
    }

    public func lines(width: Int) -> [String] { TextWrap.wrap(text, width: width) }

    /// The largest useful `scroll` for an area of this size (the last page).
    public func maxScroll(in area: Rect) -> Int {
        max(0, lines(width: area.width).count - area.height)
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        let lines = lines(width: area.width)
        let first = min(max(0, scroll), max(0, lines.count - area.height))
        for (row, line) in lines.dropFirst(first).prefix(area.height).enumerated() {
            buffer.put(line, at: Point(x: area.x, y: area.y + row), maxWidth: area.width, style: style)
        }
    }
}
