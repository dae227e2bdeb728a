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
    /// on timeout, or as soon as `wakeUp` is called.
    func readKey(timeout: Duration?) -> Key?
    /// Cuts a `readKey` wait short from any thread, so the loop takes in results that
    /// arrived meanwhile without waiting out its timeout. Backends that never wait need
    /// not provide it.
    var wakeUp: @Sendable () -> Void { get }
    /// Mouse events are opt-in: terminals stop selecting text while they are on.
    func setMouseReporting(_ enabled: Bool)
    /// Puts `text` on the system clipboard with OSC 52, which terminals (and tmux with
    /// `set-clipboard on`) pass on, over SSH too.
    func setClipboard(_ text: String)
}

extension TerminalBackend {
    public var wakeUp: @Sendable () -> Void { {} }

    /// The OSC 52 sequence that sets the clipboard ("c") to `text`.
    public static func clipboardSequence(_ text: String) -> String {
        "\u{1B}]52;c;" + Base64.encode(Array(text.utf8)) + "\u{07}"
    }
}

/// Base64 without Foundation's `Data` round trip (TerminalUI stays light).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index], b1 = index + 1 < bytes.count ? bytes[index + 1] : 0, b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
