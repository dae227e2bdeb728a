/// Consecutive changed cells of one row: what a backend redraws. A run always holds whole
/// wide glyphs (lead and continuations), so a backend can draw it left to right.
public struct CellRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }

    /// The run's text, wide glyphs once.
    public var text: String { cells.map(\.text).joined() }
}
