import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TerminalUI

/// Where the CLI writes, and whether it may use colour there: only on a terminal, never
/// with `NO_COLOR` set (https://no-color.org) or `--no-color`.
struct TerminalOutput: Sendable {
    let isTerminal: Bool
    let colour: Bool
    /// Columns of the terminal, nil when not writing to one.
    let width: Int?

    init(noColourFlag: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
        isTerminal = isatty(STDOUT_FILENO) == 1
        colour = isTerminal && !noColourFlag && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        var size = winsize()
        width = isTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }

    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", cyan = "36"
    }

    func paint(_ text: String, _ styles: Style...) -> String {
        guard colour, !styles.isEmpty else { return text }
        return "\u{1B}[\(styles.map(\.rawValue).joined(separator: ";"))m\(text)\u{1B}[0m"
    }

    func line(_ text: String) { print(text) }

    /// One line on stderr. Errors quote the server's messages, so they are sanitised whole.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TextSanitizer.sanitize(text) + "\n").utf8))
    }

    /// Writes bytes exactly, plus a newline, for `--json`.
    static func raw(_ data: Data) {
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
