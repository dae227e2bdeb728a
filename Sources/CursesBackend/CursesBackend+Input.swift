import CNcursesw
import Glibc
import TerminalUI

extension CursesBackend {
    public func readKey(timeout: Duration?) -> Key? {
        guard isActive else { return nil }
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            handleSignals()
            if !pendingKeys.isEmpty { return pendingKeys.removeFirst() }
            if let key = readAvailableKey() { return key }
            if !pendingKeys.isEmpty { continue }

            var waitMilliseconds: Int32 = -1
            if let deadline {
                let remaining = deadline - ContinuousClock.now
                guard remaining > .zero else { return nil }
                let (seconds, attoseconds) = remaining.components
                waitMilliseconds = Int32(min(seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000, 60_000))
            }
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signals.readFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakePipe.readFD, events: Int16(POLLIN), revents: 0),
            ]
            // EINTR (a signal arrived) simply goes round the loop to the pipe.
            _ = poll(&fds, nfds_t(fds.count), waitMilliseconds)
            if fds[2].revents & Int16(POLLIN) != 0 {
                wakePipe.drain()
                return nil
            }
        }
    }

    /// Acts on relayed signals; SIGINT/SIGTERM/SIGHUP do not return.
    private func handleSignals() {
        let received = deferredSignals + signals.drain()
        deferredSignals = []
        for signal in received {
            switch signal {
            case SIGINT, SIGTERM, SIGHUP:
                leave()
                options.onTerminationSignal(signal)
                exit(128 + signal)
            case SIGTSTP:
                suspend()
            case SIGCONT, SIGWINCH:
                updateSize()
                requestFullRedraw()
            default:
                break
            }
        }
    }

    /// One key from curses without waiting (beyond curses' own Esc delay), skipping input
    /// that means nothing to us; nil when no input is waiting.
    private func readAvailableKey() -> Key? {
        while let input = readInput(timeoutMilliseconds: 0) {
            if let key = decode(input) { return key }
        }
        return nil
    }

    enum Input: Equatable {
        case character(UInt32)
        case function(Int32)
    }

    func readInput(timeoutMilliseconds: Int32) -> Input? {
        wtimeout(tf_stdscr(), timeoutMilliseconds)
        var value: wint_t = 0
        let result = wget_wch(tf_stdscr(), &value)
        if result == KEY_CODE_YES { return .function(Int32(bitPattern: value)) }
        if result == OK { return .character(value) }
        return nil
    }

    private func decode(_ input: Input) -> Key? {
        switch input {
        case .function(let code): return decodeFunctionKey(code)
        case .character(let value): return decodeCharacter(value)
        }
    }

    private func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 27: return decodeEscape()
        case 13, 10: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 26 where options.ctrlZSuspends:
            suspend()
            return pendingKeys.isEmpty ? .resize : pendingKeys.removeFirst()
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    private func decodeFunctionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_RESIZE:
            updateSize()
            requestFullRedraw()
            return pendingKeys.isEmpty ? .resize : pendingKeys.removeFirst()
        case KEY_MOUSE: return decodeMouse()
        case tf_KEY_F(1)...tf_KEY_F(24): return .function(Int(code - tf_KEY_F(0)))
        default: return nil
        }
    }

    private func decodeMouse() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let position = Point(x: Int(event.x), y: Int(event.y))
        let state = event.bstate
        if state & tf_BUTTON_PRESSED(4) != 0 { return .mouse(MouseEvent(action: .scrollUp, button: 0, position: position)) }
        if state & tf_BUTTON_PRESSED(5) != 0 { return .mouse(MouseEvent(action: .scrollDown, button: 0, position: position)) }
        for button: Int32 in 1...3 {
            if state & (tf_BUTTON_PRESSED(button) | tf_BUTTON_CLICKED(button)) != 0 {
                return .mouse(MouseEvent(action: .press, button: Int(button), position: position))
            }
            if state & tf_BUTTON_RELEASED(button) != 0 {
                return .mouse(MouseEvent(action: .release, button: Int(button), position: position))
            }
        }
        return nil
    }
}
