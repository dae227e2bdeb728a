/// Sends frames to a backend, keeping the last frame so that only changed cells are
/// drawn. A frame of a new size (after a resize) or after `invalidate()` is drawn whole.
public struct FrameRenderer: Sendable {
    public private(set) var previous: ScreenBuffer?

    public init() {}

    /// Forgets the last frame, so the next one is drawn in full (after a theme change or
    /// when something else may have written to the terminal).
    public mutating func invalidate() { previous = nil }

    /// Draws what changed since the last frame and flushes. Returns the runs drawn.
    @discardableResult
    public mutating func present(_ frame: ScreenBuffer, cursor: Point? = nil, on backend: some TerminalBackend) -> [CellRun] {
        let runs = frame.diff(from: previous)
        backend.draw(runs)
        backend.setCursor(cursor)
        backend.flush()
        previous = frame
        return runs
    }
}
