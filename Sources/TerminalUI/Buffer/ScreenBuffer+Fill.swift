extension ScreenBuffer {
    /// Blanks every cell of `rect` (clipped to the buffer) in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        fill(rect, with: " ", style: style)
    }

    /// Fills `rect` with a one-column character such as `─` (wide characters are refused
    /// and fill with blanks, because they cannot tile an arbitrary width).
    public mutating func fill(_ rect: Rect, with character: Character, style: Style = .normal) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        let glyph = Glyph.split(String(character)).first.flatMap { $0.width == 1 ? $0 : nil } ?? Glyph(text: " ", width: 1)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { place(glyph, x: x, y: y, style: style) }
        }
    }

    /// Changes the style of the cells in `rect` without touching their text (used to
    /// highlight a selected row after drawing it).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { cells[y * width + x].style = style }
        }
    }

    /// Changes only the background role of the cells in `rect`, keeping each text colour.
    public mutating func setBackground(_ role: Role, in rect: Rect) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { cells[y * width + x].style.background = role }
        }
    }
}
