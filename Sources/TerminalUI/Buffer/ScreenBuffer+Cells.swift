extension ScreenBuffer {
    /// Places one glyph, keeping wide glyphs whole: a wide glyph that the write cuts in
    /// half (its lead or a continuation overwritten) has its remains turned into blanks.
    /// The caller guarantees that the glyph fits inside the row.
    mutating func place(_ glyph: Glyph, x: Int, y: Int, style: Style) {
        for column in x..<(x + glyph.width) { detachWideGlyph(at: column, y: y) }
        let row = y * width
        cells[row + x] = Cell(text: glyph.text, style: style, width: glyph.width, isContinuation: false)
        for column in (x + 1)..<(x + glyph.width) { cells[row + column] = .continuation(style) }
    }

    /// Turns whatever wide glyph covers `(x, y)` into blanks, so that overwriting part of
    /// it never leaves half a glyph behind.
    mutating func detachWideGlyph(at x: Int, y: Int) {
        let row = y * width
        let cell = cells[row + x]
        guard cell.isContinuation || cell.width > 1 else { return }
        var lead = x
        while lead > 0, cells[row + lead].isContinuation { lead -= 1 }
        let style = cells[row + lead].style
        var column = lead
        repeat {
            cells[row + column] = .blank(style)
            column += 1
        } while column < width && cells[row + column].isContinuation
    }
}
