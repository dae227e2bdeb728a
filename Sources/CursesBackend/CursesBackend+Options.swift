import Foundation
import TerminalUI

extension CursesBackend {
    /// How the backend sets up the terminal.
    public struct Options: Sendable {
        /// How long a lone Esc waits for the rest of an escape sequence; short, so Esc
        /// feels instant, long enough for sequences over SSH to arrive together.
        public var escapeDelay: Duration = .milliseconds(25)
        /// Deliver pastes whole as `.paste` instead of as typed keys.
        public var bracketedPaste = true
        /// Ctrl-Z suspends, as in a shell (raw mode turns it into a key, not a signal).
        public var ctrlZSuspends = true
        /// Looked up for `NO_COLOR`.
        public var environment: [String: String] = ProcessInfo.processInfo.environment
        /// Called after the terminal is restored on SIGINT, SIGTERM or SIGHUP and before
        /// the process exits with 128 + signal: the place to save a draft synchronously.
        public var onTerminationSignal: @Sendable (Int32) -> Void = { _ in }

        public init() {}
    }
}
