/// One grapheme cluster ready to be placed in cells, with its display width.
struct Glyph: Equatable, Sendable {
    var text: String
    var width: Int

    /// Splits sanitised `text` into drawable glyphs. Zero-width clusters (a combining mark
    /// with nothing to combine with, a lone ZWSP) are dropped: they would show nothing,
    /// and a terminal might disagree that they take no room.
    static func split(_ text: String) -> [Glyph] {
        var glyphs: [Glyph] = []
        for character in TextSanitizer.sanitize(text) {
            let width = DisplayWidth.clusterWidth(character.unicodeScalars)
            if width > 0 { glyphs.append(Glyph(text: String(character), width: width)) }
        }
        return glyphs
    }
}
