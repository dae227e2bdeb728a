import CNcursesw
import Glibc
import TerminalUI

/// A `TerminalBackend` on ncursesw: the only code in TaskFlow that knows about curses.
///
/// Use from one thread (the UI loop). Signals never run code here directly: they are
/// relayed through a pipe that `readKey` polls, so SIGINT, SIGTERM and SIGHUP restore the
/// terminal and exit, SIGTSTP suspends, and SIGCONT and SIGWINCH become `.resize`.
public final class CursesBackend: TerminalBackend {
    public private(set) var size = Size.zero
    public private(set) var colorMode = ColorMode.none
    public var theme: Theme {
        didSet { palette = CursesPalette(mode: colorMode, hasDefaultColors: palette.hasDefaultColors) }
    }

    let options: Options
    var palette = CursesPalette(mode: .none, hasDefaultColors: false)
    var signals = SignalRelay()
    let wakePipe = WakePipe()
    var pendingKeys: [Key] = []
    /// Signals that came in while the job was stopped, for the key loop to act on.
    var deferredSignals: [Int32] = []
    private(set) var isActive = false
    private var screen: OpaquePointer?
    /// Without one (TERM=linux, vt100) the last frame would stay under the shell's prompt.
    private var hasAlternateScreen = true
    private var mouseReporting = false

    /// Undoes the modes we set outside curses' knowledge, for `leave` and the emergency exit.
    static let resetSequence = "\u{1B}[?2004l\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"

    public init(theme: Theme = .default, options: Options = Options()) {
        self.theme = theme
        self.options = options
    }

    deinit { leave() }

    public var wakeUp: @Sendable () -> Void { { [wakePipe] in wakePipe.wake() } }

    public func enter() throws(TerminalError) {
        guard !isActive else { return }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        TerminalLocale.configure()
        SignalRelay.prepareEmergencyRestore(resetSequence: Self.resetSequence)
        // Before curses starts: finding SIGTSTP, SIGINT, SIGTERM and SIGWINCH handled
        // already, ncurses leaves them alone for good. Otherwise it sets SIGTSTP to SIG_IGN
        // around every screen update, which throws away a SIGTSTP arriving or pending then
        // (`kill -TSTP`, or our own stop on Ctrl-Z).
        signals.install()
        if screen == nil {
            guard let created = newterm(nil, tf_stdout(), tf_stdin()) else {
                signals.uninstall()
                throw .initializationFailed("unknown terminal type \"\(options.environment["TERM"] ?? "")\"")
            }
            set_term(created)
            // TERM=dumb and the like: curses would start and draw nothing, forever.
            guard tf_has_capability("cup") else {
                endwin()
                delscreen(created)
                signals.uninstall()
                throw .cannotAddressCursor(term: options.environment["TERM"] ?? "")
            }
            hasAlternateScreen = tf_has_capability("smcup")
            screen = created
        }
        set_term(screen)
        raw()
        noecho()
        nonl()
        keypad(tf_stdscr(), true)
        set_escdelay(Int32(options.escapeDelay.components.seconds * 1000 + options.escapeDelay.components.attoseconds / 1_000_000_000_000_000))
        curs_set(0)
        setUpColors()
        isActive = true
        updateSize()
        clearok(tf_curscr(), true)
        wrefresh(tf_stdscr())
        setTerminalModes(enabled: true)
    }

    public func leave() {
        guard isActive else { return }
        isActive = false
        setTerminalModes(enabled: false)
        curs_set(1)
        endwin()
        if !hasAlternateScreen { tf_put_capability("clear") }
        signals.uninstall()
    }

    /// Gives the terminal back, stops the job as Ctrl-Z does in a shell, and takes the
    /// terminal again once the shell continues it (`fg`), every time: raw mode delivers
    /// Ctrl-Z as a key (0x1A) and `kill -TSTP` arrives through the relay, and both end here.
    public func suspend() {
        guard isActive else { return }
        leave()
        deferredSignals += signals.stopJob()
        takeBack()
    }

    public func handOver(_ body: () -> Void) {
        guard isActive else { return body() }
        leave()
        body()
        takeBack()
    }

    /// Takes the terminal over again after `leave` (a resume, an editor that exited).
    private func takeBack() {
        signals.install()
        isActive = true
        wrefresh(tf_stdscr())
        setTerminalModes(enabled: true)
        updateSize()
        requestFullRedraw()
    }

    public func draw(_ runs: [CellRun]) {
        guard isActive, let window = tf_stdscr() else { return }
        for run in runs where run.y < size.height {
            var x = run.x
            for cell in run.cells {
                defer { x += 1 }
                guard !cell.isContinuation, x + cell.width <= size.width else { continue }
                let resolved = theme.resolve(cell.style, mode: colorMode)
                let glyph = CursesGlyph.encode(cell.text, width: cell.width)
                glyph.draw(
                    in: window, x: Int32(x), y: Int32(run.y),
                    attributes: CursesPalette.attributes(resolved.attributes), pair: palette.pair(for: resolved)
                )
            }
        }
    }

    public func setCursor(_ position: Point?) {
        guard isActive else { return }
        if let position, position.x >= 0, position.x < size.width, position.y >= 0, position.y < size.height {
            wmove(tf_stdscr(), Int32(position.y), Int32(position.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
    }

    public func flush() {
        guard isActive else { return }
        wrefresh(tf_stdscr())
    }

    public func setMouseReporting(_ enabled: Bool) {
        mouseReporting = enabled
        guard isActive else { return }
        mousemask(enabled ? tf_ALL_MOUSE_EVENTS() : 0, nil)
        mouseinterval(0)
    }

    /// The next frame must repaint every cell: curses forgets what the terminal shows,
    /// and the app gets `.resize` so it redraws from scratch.
    func requestFullRedraw() {
        clearok(tf_curscr(), true)
        if pendingKeys.last != .resize { pendingKeys.append(.resize) }
    }

    /// Follows the kernel's idea of the window size (after SIGWINCH or a resume).
    func updateSize() {
        var rows: Int32 = 0, columns: Int32 = 0
        if tf_terminal_size(STDOUT_FILENO, &rows, &columns) == 0, rows != tf_LINES() || columns != tf_COLS() {
            resizeterm(rows, columns)
        }
        size = Size(width: Int(tf_COLS()), height: Int(tf_LINES()))
    }

    private func setUpColors() {
        colorMode = .none
        var hasDefaultColors = false
        // COLORS is only known after start_color, and NO_COLOR must keep us from starting it.
        if has_colors(), ColorMode.detect(supportedColors: 256, environment: options.environment) != .none,
           start_color() != ERR {
            colorMode = ColorMode.detect(supportedColors: Int(tf_COLORS()), environment: options.environment)
            hasDefaultColors = use_default_colors() != ERR
        }
        palette = CursesPalette(mode: colorMode, hasDefaultColors: hasDefaultColors)
    }

    /// Bracketed paste and mouse reporting are terminal modes curses does not track, so
    /// they are switched on after curses has set up and off before it lets go.
    private func setTerminalModes(enabled: Bool) {
        if options.bracketedPaste { writeToTerminal(enabled ? "\u{1B}[?2004h" : "\u{1B}[?2004l") }
        if mouseReporting { mousemask(enabled ? tf_ALL_MOUSE_EVENTS() : 0, nil) }
    }

    public func setClipboard(_ text: String) {
        writeToTerminal(Self.clipboardSequence(text))
    }

    private func writeToTerminal(_ sequence: String) {
        fflush(tf_stdout())
        var bytes = Array(sequence.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }
}
