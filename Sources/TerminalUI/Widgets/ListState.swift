/// The cursor and scroll position of a list, kept in app state between frames.
public struct ListState: Hashable, Sendable {
    /// The selected row, or nil when the list is empty.
    public var selected: Int?
    /// The first visible row.
    public var offset: Int

    public init(selected: Int? = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = max(0, offset)
    }

    /// Selects `index`, clamped to the list; an empty list selects nothing.
    public mutating func select(_ index: Int, count: Int) {
        selected = count > 0 ? min(max(0, index), count - 1) : nil
    }

    /// Moves the cursor by `delta` rows (negative is up), stopping at either end.
    public mutating func move(by delta: Int, count: Int) {
        select((selected ?? 0) + delta, count: count)
    }

    /// Keeps the scroll position where it is unless the selection would be off screen
    /// (or within `margin` rows of an edge); then scrolls just enough.
    public func offsetShowingSelection(visibleRows: Int, count: Int, margin: Int = 0) -> Int {
        guard visibleRows > 0, count > visibleRows else { return 0 }
        let maxOffset = count - visibleRows
        var offset = min(self.offset, maxOffset)
        guard let selected else { return offset }
        let margin = max(0, min(margin, (visibleRows - 1) / 2))
        if selected < offset + margin { offset = selected - margin }
        if selected > offset + visibleRows - 1 - margin { offset = selected - visibleRows + 1 + margin }
        return min(max(0, offset), maxOffset)
    }

    public mutating func scrollToSelection(visibleRows: Int, count: Int, margin: Int = 0) {
        offset = offsetShowingSelection(visibleRows: visibleRows, count: count, margin: margin)
    }
}
