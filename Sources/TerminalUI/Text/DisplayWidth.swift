/// Terminal column widths, following wcwidth(3) for single code points and the way
/// current terminals draw emoji for whole grapheme clusters.
///
/// - East Asian Wide and Fullwidth characters take 2 columns.
/// - Emoji in emoji presentation take 2: a scalar with Emoji_Presentation, or any emoji
///   followed by VS16, including ZWJ sequences, flags, keycaps and skin-tone sequences.
/// - Non-spacing and enclosing marks, format characters (ZWJ, ZWSP, LRM…), variation
///   selectors and Hangul medial/final jamo take 0.
/// - Everything else takes 1, including East Asian Ambiguous characters (box drawing,
///   `…`), which is what terminals do outside CJK legacy locales.
///
/// Widths are of text *as `ScreenBuffer.put` draws it*: control characters and escape
/// sequences count as the one-column replacement they are drawn as (see `TextSanitizer`).
public enum DisplayWidth {
    /// Columns that one grapheme cluster occupies.
    public static func of(_ character: Character) -> Int {
        if TextSanitizer.isUnsafe(character) { return 1 }
        return clusterWidth(character.unicodeScalars)
    }

    /// Columns that `text` occupies once drawn.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in TextSanitizer.sanitize(text) { total += clusterWidth(character.unicodeScalars) }
        return total
    }

    /// wcwidth of one code point; control characters count as their 1-column replacement.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if TextSanitizer.isUnsafe(scalar) { return 1 }
        return scalarWidth(scalar)
    }

    static func clusterWidth(_ scalars: Character.UnicodeScalarView) -> Int {
        guard let first = scalars.first else { return 0 }
        // Fast path: a lone ASCII letter, the common case by far.
        if first.value < 0x7F, first.value >= 0x20, scalars.count == 1 { return 1 }

        var hasTextSelector = false, hasEmojiSelector = false
        for scalar in scalars {
            if scalar.value == 0xFE0E { hasTextSelector = true }
            if scalar.value == 0xFE0F { hasEmojiSelector = true }
        }
        let properties = first.properties
        if !hasTextSelector, properties.isEmojiPresentation || (hasEmojiSelector && properties.isEmoji) {
            return 2
        }
        var total = 0
        for scalar in scalars { total += scalarWidth(scalar) }
        return total
    }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }  // Latin; soft hyphen is visible, as in glibc
        if WidthTables.isZeroWidth(scalar) { return 0 }
        if scalar.properties.isEmojiPresentation || WidthTables.isWide(value) { return 2 }
        return 1
    }
}
