extension DisplayWidth {
    /// `text` sanitised and cut to at most `width` columns, ending in `…` when cut. A wide
    /// glyph that would straddle the limit is left out whole, as `ScreenBuffer.put` does.
    /// For line-oriented output (the CLI's tables); the screen uses `put`.
    public static func truncate(_ text: String, to width: Int) -> String {
        let glyphs = Glyph.split(text)
        guard glyphs.reduce(0, { $0 + $1.width }) > width else { return glyphs.map(\.text).joined() }
        guard width > 0 else { return "" }
        var result = ""
        var used = 0
        for glyph in glyphs {
            guard used + glyph.width <= width - 1 else { break }
            result += glyph.text
            used += glyph.width
        }
        return result + ScreenBuffer.ellipsis
    }

    /// `text` sanitised and followed by spaces up to `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let safe = TextSanitizer.sanitize(text)
        return safe + String(repeating: " ", count: max(0, width - of(safe)))
    }
}
