/// A grid of cells that views draw into. Drawing is pure: nothing reaches the terminal
/// until a backend is handed the `diff` between two buffers.
public struct ScreenBuffer: Hashable, Sendable, CustomStringConvertible {
    public let width: Int
    public let height: Int
    var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public init(size: Size) { self.init(width: size.width, height: size.height) }

    public var size: Size { Size(width: width, height: height) }
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position; reading outside the buffer gives a blank cell.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    public subscript(point: Point) -> Cell { self[point.x, point.y] }

    /// Each row as drawn, wide glyphs once, trailing spaces kept.
    public var lines: [String] {
        (0..<height).map { y in
            (0..<width).reduce(into: "") { line, x in line += cells[y * width + x].text }
        }
    }

    /// The rows joined by newlines, without trailing spaces or trailing blank rows: what
    /// tests compare with a multi-line string literal.
    public var description: String {
        var rows = lines.map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }
        while rows.last?.isEmpty == true { rows.removeLast() }
        return rows.joined(separator: "\n")
    }

    /// Resets every cell to a blank in `style`.
    public mutating func clear(_ style: Style = .normal) {
        cells = Array(repeating: .blank(style), count: width * height)
    }
}
