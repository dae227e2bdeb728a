/// A one-line text field that scrolls horizontally by display width so the cursor stays
/// visible. A wide glyph cut by either edge of the field is shown as blank, never halved.
public struct TextInput: Widget {
    public var state: TextInputState
    public var isFocused: Bool
    /// Shown dimmed while the field is empty.
    public var placeholder: String?

    public init(state: TextInputState, isFocused: Bool = true, placeholder: String? = nil) {
        self.state = state
        self.isFocused = isFocused
        self.placeholder = placeholder
    }

    /// Where the terminal cursor belongs, for backends that show a real cursor.
    public func cursorPosition(in area: Rect) -> Point? {
        guard isFocused, !area.isEmpty else { return nil }
        let offset = state.offsetShowingCursor(width: area.width)
        return Point(x: area.x + state.cursorColumn - offset, y: area.y)
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        let fieldStyle = Style(isFocused ? .inputFocused : .input)
        buffer.fill(row, style: fieldStyle)
        if state.text.isEmpty, let placeholder {
            buffer.put(placeholder, at: row.origin, maxWidth: row.width, style: Style(.dim).on(fieldStyle.background))
        }
        let offset = state.offsetShowingCursor(width: row.width)
        var column = 0
        for (index, character) in state.text.enumerated() {
            let width = DisplayWidth.of(character)
            let isCursor = isFocused && index == state.cursor
            defer { column += width }
            guard column >= offset, column + width <= offset + row.width else {
                if isCursor { markCursor(at: column - offset, in: row, buffer: &buffer) }
                continue
            }
            // A line break (a multi-line description) shows as ↵ and stays in the text.
            let isBreak = character == "\n"
            let isSelected = isFocused && state.isAllSelected
            let style =
                isCursor ? Style(.cursor)
                : isSelected ? Style(.listSelected)
                : isBreak ? Style(.dim).on(fieldStyle.background) : fieldStyle
            buffer.put(isBreak ? "↵" : String(character), at: Point(x: row.x + column - offset, y: row.y), maxWidth: width, style: style)
        }
        if isFocused, state.cursor == state.text.count { markCursor(at: column - offset, in: row, buffer: &buffer) }
    }

    private func markCursor(at x: Int, in row: Rect, buffer: inout ScreenBuffer) {
        guard x >= 0, x < row.width else { return }
        buffer.setStyle(Style(.cursor), in: Rect(x: row.x + x, y: row.y, width: 1, height: 1))
    }
}
