/// The boundary between TaskFlow and a terminal. `CursesBackend` drives a real one;
/// `MemoryBackend` keeps the screen in memory for tests. Backends are used from one
/// thread (the UI loop) and never from signal handlers.
public protocol TerminalBackend: AnyObject {
    /// The current size in cells; it changes after a `.resize` key.
    var size: Size { get }
    /// Colours the terminal can show (after `NO_COLOR` and the terminal's own abilities).
    var colorMode: ColorMode { get }
    /// How roles become colours. Invalidate the `FrameRenderer` after changing it, so
    /// cells already on screen are redrawn in the new colours.
    var theme: Theme { get set }

    /// Takes over the terminal (alternate screen, raw keys, no echo).
    func enter() throws(TerminalError)
    /// Gives the terminal back as it was. Safe to call any number of times.
    func leave()
    /// Gives the terminal back, stops the process as Ctrl-Z does, and takes the terminal
    /// over again once the shell resumes it; the next key is `.resize` so the app
    /// redraws everything.
    func suspend()
    /// Gives the terminal to another program (`$EDITOR`) while `body` runs, then takes it
    /// over again; the next key is `.resize` so the app redraws everything.
    func handOver(_ body: () -> Void)
    /// Draws changed cells (see `ScreenBuffer.diff(from:)`); visible after `flush()`.
    func draw(_ runs: [CellRun])
    /// Shows the cursor at a cell (a focused text field), or hides it with nil.
    func setCursor(_ position: Point?)
    func flush()
    /// The next key, waiting at most `timeout` (nil waits until one arrives). Returns nil
    /// on timeout.
    func readKey(timeout: Duration?) -> Key?
    /// Mouse events are opt-in: terminals stop selecting text while they are on.
    func setMouseReporting(_ enabled: Bool)
}
