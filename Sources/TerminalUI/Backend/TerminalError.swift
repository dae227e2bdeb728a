/// Why a backend could not take over the terminal.
public struct TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case notATerminal
        case initializationFailed(String)
    }

    private let reason: Reason

    /// Standard input or output is not a terminal (piped, or run from a script).
    public static let notATerminal = TerminalError(reason: .notATerminal)

    public static func initializationFailed(_ detail: String) -> TerminalError {
        TerminalError(reason: .initializationFailed(detail))
    }

    public var description: String {
        switch reason {
        case .notATerminal: "standard input and output must be a terminal"
        case .initializationFailed(let detail): "could not initialise the terminal: \(detail)"
        }
    }
}
