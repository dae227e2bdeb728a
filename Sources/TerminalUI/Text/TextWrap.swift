/// Word wrapping by display width.
public enum TextWrap {
    /// Breaks `text` into lines of at most `width` columns. Lines break at spaces; a word
    /// wider than the line (or a run of CJK text, which has no spaces) is broken between
    /// grapheme clusters. Newlines start new lines, blank lines are kept, runs of spaces
    /// between words collapse to one, and a paragraph's leading indentation is kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            wrapParagraph(paragraph, width: width, into: &lines)
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        let spaced = paragraph.map { $0 == "\t" ? "    " : String($0) }.joined()
        let indentWidth = min(spaced.prefix(while: { $0 == " " }).count, width / 2)
        let words = spaced.split(separator: " ")

        var line = String(repeating: " ", count: indentWidth)
        var lineWidth = indentWidth
        var hasWord = false
        func flush() {
            lines.append(line)
            line = ""
            lineWidth = 0
            hasWord = false
        }

        for word in words {
            let glyphs = Glyph.split(String(word))
            let wordWidth = glyphs.reduce(0) { $0 + $1.width }
            let gap = hasWord ? 1 : 0
            if lineWidth + gap + wordWidth <= width {
                line += (hasWord ? " " : "") + glyphs.map(\.text).joined()
                lineWidth += gap + wordWidth
                hasWord = true
                continue
            }
            if hasWord { flush() }
            if lineWidth + wordWidth <= width {
                line += glyphs.map(\.text).joined()
                lineWidth += wordWidth
                hasWord = true
                continue
            }
            // A word wider than a whole line is broken between grapheme clusters.
            for glyph in glyphs where glyph.width <= width {
                if lineWidth + glyph.width > width { flush() }
                line += glyph.text
                lineWidth += glyph.width
                hasWord = true
            }
        }
        if hasWord || words.isEmpty {
            if !hasWord { line = "" }
            flush()
        }
    }
}
