/// A scrolling list with a highlighted selection.
public struct ListView: Widget {
    public var rows: [ListRow]
    public var state: ListState
    /// An unfocused pane keeps showing its selection, in a quieter role.
    public var isFocused: Bool
    /// Rows kept visible above and below the cursor when scrolling.
    public var scrollMargin: Int
    /// Shown (dimmed) when there are no rows.
    public var placeholder: String?

    public init(rows: [ListRow], state: ListState, isFocused: Bool = true, scrollMargin: Int = 0, placeholder: String? = nil) {
        self.rows = rows
        self.state = state
        self.isFocused = isFocused
        self.scrollMargin = scrollMargin
        self.placeholder = placeholder
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        if rows.isEmpty, let placeholder {
            buffer.put(placeholder, at: area.origin, maxWidth: area.width, style: Style(.dim))
            return
        }
        let offset = state.offsetShowingSelection(visibleRows: area.height, count: rows.count, margin: scrollMargin)
        let highlight: Role = isFocused ? .listSelected : .listSelectedUnfocused
        for line in 0..<area.height {
            let index = offset + line
            guard index < rows.count else { break }
            let rowArea = area.row(line)
            let isSelected = index == state.selected
            if isSelected { buffer.fill(rowArea, style: Style(highlight)) }
            draw(rows[index], in: rowArea, buffer: &buffer, background: isSelected ? highlight : nil)
        }
    }

    private func draw(_ row: ListRow, in area: Rect, buffer: inout ScreenBuffer, background: Role?) {
        func styled(_ spans: [Span]) -> [Span] {
            guard let background else { return spans }
            // Everything on the highlight takes its own colours, so the bar is readable in
            // every theme (a red or dim mark on it was not); attributes still tell marks apart.
            return spans.map { Span($0.text, style: Style(background, attributes: $0.style.attributes)) }
        }
        let trailingWidth = row.trailing.reduce(0) { $0 + $1.width }
        // The trailing part is dropped when it would leave the main text too little room.
        let showTrailing = trailingWidth > 0 && trailingWidth + 1 + min(8, area.width / 2) <= area.width
        let mainWidth = showTrailing ? area.width - trailingWidth - 1 : area.width
        buffer.put(styled(row.spans), at: area.origin, maxWidth: mainWidth)
        if showTrailing {
            buffer.put(styled(row.trailing), at: Point(x: area.maxX - trailingWidth, y: area.y), maxWidth: trailingWidth)
        }
    }
}
