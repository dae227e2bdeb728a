/// The characters of a box border.
public struct BorderSet: Hashable, Sendable {
    public var topLeft: Character, top: Character, topRight: Character
    public var left: Character, right: Character
    public var bottomLeft: Character, bottom: Character, bottomRight: Character

    public static let single = BorderSet(
        topLeft: "┌", top: "─", topRight: "┐", left: "│", right: "│", bottomLeft: "└", bottom: "─", bottomRight: "┘"
    )
    /// For terminals or fonts without box drawing.
    public static let ascii = BorderSet(
        topLeft: "+", top: "-", topRight: "+", left: "|", right: "|", bottomLeft: "+", bottom: "-", bottomRight: "+"
    )
}

extension ScreenBuffer {
    /// Draws a border around `rect` with an optional title in the top edge
    /// (`┌ Title ─┐`), and optionally a short label at its right end (`┌ Title ── 1/3 ┐`),
    /// which the title never runs into; returns the area inside it.
    @discardableResult
    public mutating func drawBox(
        _ rect: Rect, style: Style = Style(.border), title: String? = nil, titleStyle: Style = Style(.title),
        trailing: String? = nil, border: BorderSet = .single
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let (left, right, top, bottom) = (rect.x, rect.maxX - 1, rect.y, rect.maxY - 1)
        fill(Rect(x: left + 1, y: top, width: rect.width - 2, height: 1), with: border.top, style: style)
        fill(Rect(x: left + 1, y: bottom, width: rect.width - 2, height: 1), with: border.bottom, style: style)
        fill(Rect(x: left, y: top + 1, width: 1, height: rect.height - 2), with: border.left, style: style)
        fill(Rect(x: right, y: top + 1, width: 1, height: rect.height - 2), with: border.right, style: style)
        fill(Rect(x: left, y: top, width: 1, height: 1), with: border.topLeft, style: style)
        fill(Rect(x: right, y: top, width: 1, height: 1), with: border.topRight, style: style)
        fill(Rect(x: left, y: bottom, width: 1, height: 1), with: border.bottomLeft, style: style)
        fill(Rect(x: right, y: bottom, width: 1, height: 1), with: border.bottomRight, style: style)
        var titleWidth = rect.width - 2
        if let trailing, !trailing.isEmpty {
            let label = " \(trailing) "
            let width = DisplayWidth.of(label)
            // Only with room left for a title of a few characters.
            if rect.width - 2 - width >= 8 {
                put(label, at: Point(x: right - width, y: top), maxWidth: width, style: titleStyle)
                titleWidth -= width + 1
            }
        }
        if let title, !title.isEmpty, rect.width >= 5 {
            put(" \(title) ", at: Point(x: left + 1, y: top), maxWidth: titleWidth, style: titleStyle)
        }
        return rect.inset(by: 1)
    }
}
