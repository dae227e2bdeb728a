/// One terminal cell: a grapheme cluster and its style.
///
/// A glyph wider than one column lives in its first cell (`width` 2); the cells it covers
/// to the right are continuations (`isContinuation`, empty text) that a backend skips.
public struct Cell: Hashable, Sendable {
    public internal(set) var text: String
    public internal(set) var style: Style
    public internal(set) var width: Int
    public internal(set) var isContinuation: Bool

    /// A cell holding `text` (sanitised and measured; anything wider than the first
    /// grapheme cluster is dropped).
    public init(_ text: String = " ", style: Style = .normal) {
        let glyph = Glyph.split(text).first ?? Glyph(text: " ", width: 1)
        self.init(text: glyph.text, style: style, width: glyph.width, isContinuation: false)
    }

    init(text: String, style: Style, width: Int, isContinuation: Bool) {
        self.text = text
        self.style = style
        self.width = width
        self.isContinuation = isContinuation
    }

    public static let blank = Cell(text: " ", style: .normal, width: 1, isContinuation: false)

    static func blank(_ style: Style) -> Cell { Cell(text: " ", style: style, width: 1, isContinuation: false) }

    static func continuation(_ style: Style) -> Cell { Cell(text: "", style: style, width: 0, isContinuation: true) }
}
