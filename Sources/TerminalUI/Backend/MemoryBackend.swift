import Dispatch

/// An in-memory terminal for tests: keys come from a script, and drawing updates `screen`
/// exactly as a real terminal's cells would change, so tests can check both what is on
/// screen and how much was redrawn.
public final class MemoryBackend: TerminalBackend {
    public private(set) var size: Size
    public var colorMode: ColorMode
    public var theme: Theme
    /// What the terminal shows now.
    public private(set) var screen: ScreenBuffer
    /// Every `draw` call's runs, oldest first.
    public private(set) var drawCalls: [[CellRun]] = []
    public private(set) var cursor: Point?
    public private(set) var isActive = false
    public private(set) var isMouseReporting = false
    /// What the app last put on the clipboard.
    public private(set) var clipboard: String?
    public private(set) var flushCount = 0
    public private(set) var suspendCount = 0
    /// How often the terminal was handed to another program, and whether it was left
    /// (not active) while that program ran.
    public private(set) var handOverCount = 0
    public private(set) var wasInactiveDuringHandOver = true
    private var keys: [Key]

    public init(width: Int, height: Int, keys: [Key] = [], colorMode: ColorMode = .palette256, theme: Theme = .default) {
        size = Size(width: width, height: height)
        screen = ScreenBuffer(width: width, height: height)
        self.keys = keys
        self.colorMode = colorMode
        self.theme = theme
    }

    /// Queues keys for `readKey`.
    public func enqueue(_ more: [Key]) { keys += more }

    /// Queues each character of `text` as a typed key.
    public func enqueue(typing text: String) { keys += text.map { Key.char($0) } }

    /// Simulates the user resizing the window: the screen is cleared, as terminals do
    /// when reflowing, and a `.resize` key is queued.
    public func resize(to newSize: Size) {
        size = newSize
        screen = ScreenBuffer(size: newSize)
        keys.append(.resize)
    }

    public var pendingKeyCount: Int { keys.count }

    /// The colours and attributes the cell at (x, y) is shown with.
    public func resolvedStyle(x: Int, y: Int) -> ResolvedStyle {
        theme.resolve(screen[x, y].style, mode: colorMode)
    }

    public func enter() throws(TerminalError) { isActive = true }

    public func leave() {
        isActive = false
        cursor = nil
    }

    public func suspend() {
        suspendCount += 1
        leave()
        isActive = true
        keys.insert(.resize, at: 0)
    }

    public func handOver(_ body: () -> Void) {
        handOverCount += 1
        leave()
        body()
        wasInactiveDuringHandOver = wasInactiveDuringHandOver && !isActive
        isActive = true
        keys.insert(.resize, at: 0)
    }

    public func draw(_ runs: [CellRun]) {
        drawCalls.append(runs)
        for run in runs { screen.apply(run) }
    }

    public func setCursor(_ position: Point?) { cursor = position }

    public func flush() { flushCount += 1 }

    /// With an empty script: a timeout at once, or, with `waitsLikeATerminal`, after
    /// waiting as a terminal does, until `timeout` passes or `wakeUp` is called.
    public func readKey(timeout: Duration?) -> Key? {
        if keys.isEmpty, waitsLikeATerminal {
            if let timeout {
                _ = wakeSignal.wait(timeout: .now() + .nanoseconds(Int(timeout / .nanoseconds(1))))
            } else {
                wakeSignal.wait()
            }
        }
        return keys.isEmpty ? nil : keys.removeFirst()
    }

    /// Makes `readKey` wait for its timeout (or `wakeUp`) when no key is scripted.
    public var waitsLikeATerminal = false
    private let wakeSignal = DispatchSemaphore(value: 0)
    public var wakeUp: @Sendable () -> Void { { [wakeSignal] in wakeSignal.signal() } }

    public func setMouseReporting(_ enabled: Bool) { isMouseReporting = enabled }
    public func setClipboard(_ text: String) { clipboard = text }
}
