import Glibc

// State shared with the signal handler. It is written only while handlers are not
// installed (or before they first fire) and the handler only reads it or stores plain
// integers, which is what makes `nonisolated(unsafe)` sound here.
nonisolated(unsafe) private var relayWriteFD: Int32 = -1
nonisolated(unsafe) private var pendingTermination: Int32 = 0
nonisolated(unsafe) private var savedTerminalModes = termios()
nonisolated(unsafe) private var hasSavedTerminalModes: Int32 = 0
nonisolated(unsafe) private var resetSequence: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var resetSequenceLength = 0

/// Runs in signal context: only async-signal-safe calls (write, tcsetattr, _exit).
/// Normally it just writes the signal number into the self-pipe; the key-reading loop
/// does the real work. If a termination signal arrives while an earlier one is still
/// unhandled, the loop is stuck, so the handler restores the terminal itself and exits.
private func relaySignal(_ signal: Int32) {
    let savedErrno = errno
    defer { errno = savedErrno }
    if signal == SIGINT || signal == SIGTERM || signal == SIGHUP {
        if pendingTermination != 0 {
            if hasSavedTerminalModes != 0 { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminalModes) }
            if let resetSequence { _ = write(STDOUT_FILENO, resetSequence, resetSequenceLength) }
            _exit(128 + signal)
        }
        pendingTermination = signal
    }
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(relayWriteFD, &byte, 1)
}

/// Turns signals into bytes on a pipe that the key loop polls next to the terminal
/// (the self-pipe trick), so nothing but a `write` happens inside a handler.
struct SignalRelay {
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH]

    private(set) var readFD: Int32 = -1
    private var previous: [Int32: sigaction] = [:]

    /// Remembers the terminal modes and the escape sequences that undo our modes, for the
    /// emergency exit. Call before curses changes the terminal.
    static func prepareEmergencyRestore(resetSequence sequence: String) {
        if tcgetattr(STDIN_FILENO, &savedTerminalModes) == 0 { hasSavedTerminalModes = 1 }
        if resetSequence == nil {
            let bytes = Array(sequence.utf8)
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            buffer.initialize(from: bytes, count: bytes.count)
            resetSequence = buffer
            resetSequenceLength = bytes.count
        }
    }

    /// Creates the pipe (once) and installs the handlers, remembering the ones they replace.
    mutating func install() {
        if readFD < 0 {
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { return }
            // Non-blocking both ways: the handler must never block on a full pipe, and
            // draining must stop when it is empty.
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            readFD = fds[0]
            relayWriteFD = fds[1]
        }
        pendingTermination = 0
        for signal in Self.handled { install(relaySignal, for: signal) }
    }

    /// Puts back the handlers that were there before `install`.
    mutating func uninstall() {
        for (signal, var action) in previous { sigaction(signal, &action, nil) }
        previous = [:]
    }

    /// Restores the default action of one signal (to let SIGTSTP really stop us).
    func setDefault(_ signal: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
    }

    /// Re-installs the relay for one signal after `setDefault`.
    func reinstall(_ signal: Int32) {
        var action = Self.relayAction()
        sigaction(signal, &action, nil)
    }

    /// Stops the job as the terminal driver does for Ctrl-Z in cooked mode (SIGTSTP with its
    /// default action, to the whole process group) and returns once the shell's `fg` or
    /// `bg` has continued it. Call with the terminal already restored and the handlers
    /// uninstalled.
    ///
    /// The signal is usually taken by another thread (the main thread waits in
    /// `sigsuspend` with nothing blocked, while this one inherits Dispatch's blocked mask),
    /// and the stop reaches this thread a moment later. Returning straight after `kill`
    /// would let it redraw, or put its handlers back and swallow the stop, in that moment;
    /// so it waits for the SIGCONT that ends the stop. Nothing stops a process group
    /// without job control (no shell to continue it: the kernel drops the signal), so the
    /// wait gives up after `limit`.
    ///
    /// - Returns: the other signals that came meanwhile, oldest first.
    func stopJob(limit: Duration = .seconds(1)) -> [Int32] {
        var others = drain().filter { $0 != SIGCONT }
        reinstall(SIGCONT)
        setDefault(SIGTSTP)
        kill(0, SIGTSTP)
        let deadline = ContinuousClock.now + limit
        var stopped = false
        while !stopped {
            let remaining = deadline - ContinuousClock.now
            let milliseconds = max(0, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)
            var fds = [pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 1, Int32(milliseconds))
            if ready < 0 && errno == EINTR { continue }
            // Woken after a stop, the time may be long past: what is in the pipe decides.
            for signal in drain() {
                if signal == SIGCONT { stopped = true } else { others.append(signal) }
            }
            if ready <= 0 && !stopped { break }
        }
        setDefault(SIGCONT)
        return others
    }

    /// Signals received since the last call, oldest first, without blocking.
    func drain() -> [Int32] {
        guard readFD >= 0 else { return [] }
        var signals: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readFD, &buffer, buffer.count)
            guard count > 0 else { break }
            signals += buffer.prefix(count).map { Int32($0) }
        }
        return signals
    }

    private mutating func install(_ handler: @escaping @convention(c) (Int32) -> Void, for signal: Int32) {
        var action = Self.relayAction()
        var old = sigaction()
        sigaction(signal, &action, &old)
        if previous[signal] == nil { previous[signal] = old }
    }

    private static func relayAction() -> sigaction {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { relaySignal($0) }
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: poll() returns EINTR and the loop looks at the pipe at once.
        action.sa_flags = 0
        return action
    }
}
