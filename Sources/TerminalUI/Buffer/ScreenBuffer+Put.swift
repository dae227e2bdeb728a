extension ScreenBuffer {
    public static let ellipsis = "…"

    /// The one way text reaches the screen. Splits `text` into grapheme clusters, replaces
    /// control characters and escape sequences (see `TextSanitizer`), measures by display
    /// width, and writes at most `maxWidth` columns (and never past the right edge). Text
    /// that does not fit ends in `…`; a wide glyph that would straddle the limit is not
    /// split: the column it would have used is left blank in `style` after the `…`.
    ///
    /// - Returns: the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, at point: Point, maxWidth: Int? = nil, style: Style = .normal) -> Int {
        write(Glyph.split(text), at: point, limit: maxWidth, style: style, ellipsis: true)
    }

    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .normal) -> Int {
        put(text, at: Point(x: x, y: y), maxWidth: maxWidth, style: style)
    }

    /// Writes spans one after another as a single line: when they do not fit together, the
    /// line ends in one `…` in the style of the span that was cut.
    @discardableResult
    public mutating func put(_ spans: [Span], at point: Point, maxWidth: Int? = nil) -> Int {
        let available = columnsAvailable(at: point, maxWidth: maxWidth)
        guard available > 0 else { return 0 }
        let pieces = spans.map { (Glyph.split($0.text), $0.style) }
        let total = pieces.reduce(0) { $0 + $1.0.reduce(0) { $0 + $1.width } }
        var used = 0
        if total <= available {
            for (glyphs, style) in pieces {
                used += write(glyphs, at: Point(x: point.x + used, y: point.y), limit: nil, style: style, ellipsis: false)
            }
            return used
        }
        for (glyphs, style) in pieces {
            let width = glyphs.reduce(0) { $0 + $1.width }
            if used + width <= available - 1 {
                used += write(glyphs, at: Point(x: point.x + used, y: point.y), limit: nil, style: style, ellipsis: false)
                continue
            }
            // This span is cut (even if it alone would fit, later spans would not).
            let at = Point(x: point.x + used, y: point.y)
            used += write(glyphs, at: at, limit: available - used, style: style, ellipsis: true, forceTruncation: true)
            break
        }
        return used
    }

    func columnsAvailable(at point: Point, maxWidth: Int?) -> Int {
        guard point.y >= 0, point.y < height, point.x >= 0, point.x < width else { return 0 }
        return min(maxWidth ?? Int.max, width - point.x)
    }

    mutating func write(
        _ glyphs: [Glyph], at point: Point, limit: Int?, style: Style, ellipsis: Bool, forceTruncation: Bool = false
    ) -> Int {
        let available = columnsAvailable(at: point, maxWidth: limit)
        guard available > 0 else { return 0 }
        let total = glyphs.reduce(0) { $0 + $1.width }
        let truncating = forceTruncation || total > available
        let budget = truncating && ellipsis ? available - 1 : available
        var used = 0
        for glyph in glyphs {
            guard used + glyph.width <= budget else { break }
            place(glyph, x: point.x + used, y: point.y, style: style)
            used += glyph.width
        }
        guard truncating else { return used }
        if ellipsis {
            place(Glyph(text: ScreenBuffer.ellipsis, width: 1), x: point.x + used, y: point.y, style: style)
            used += 1
        }
        // Blank the columns a wide glyph could not use, so nothing stale shows through.
        while used < available {
            place(Glyph(text: " ", width: 1), x: point.x + used, y: point.y, style: style)
            used += 1
        }
        return used
    }
}
