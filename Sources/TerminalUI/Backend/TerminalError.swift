/// Why a backend could not take over the terminal.
public struct TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case notATerminal
        case initializationFailed(String)
        case cannotAddressCursor(term: String)
    }

    private let reason: Reason

    /// Standard input or output is not a terminal (piped, or run from a script).
    public static let notATerminal = TerminalError(reason: .notATerminal)

    public static func initializationFailed(_ detail: String) -> TerminalError {
        TerminalError(reason: .initializationFailed(detail))
    }

    /// The terminal cannot move the cursor (`TERM=dumb`, an editor's shell buffer).
    public static func cannotAddressCursor(term: String) -> TerminalError {
        TerminalError(reason: .cannotAddressCursor(term: term))
    }

    public var description: String {
        switch reason {
        case .notATerminal: "standard input and output must be a terminal"
        case .initializationFailed(let detail): "could not initialise the terminal: \(detail)"
        case .cannotAddressCursor(let term):
            "this terminal (TERM=\(term)) cannot run the full-screen client: it cannot move the cursor; "
                + "use the commands (taskflow --help) or a terminal such as xterm-256color"
        }
    }
}
