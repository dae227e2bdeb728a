import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TaskFlowTestSupport

/// A program running in a detached tmux session of its own (a private server socket), so
/// end-to-end tests can type keys, resize the window and read the screen as text.
final class TmuxSession {
    let socket: String
    let name = "e2e"
    private static let counter = Counter()

    /// Starts `arguments` (after `env` assignments) in a `width`×`height` window. When the
    /// program exits the pane prints `EXITED:<status>` and stays, so the last screen can be read.
    init(_ arguments: [String], environment: [String: String], width: Int = 120, height: Int = 40) throws {
        socket = "taskflow-e2e-\(getpid())-\(TmuxSession.counter.next())"
        let assignments = environment.map { "\($0.key)=\($0.value)" }
        let command = (["env", "-i"] + assignments + arguments).map(Self.quote).joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
                  "sh -c \(Self.quote(command + "; echo EXITED:$?; sleep 600"))"])
    }

    deinit { close() }

    /// Ends the session; the program in it gets SIGHUP, as on a dropped SSH connection.
    func close() {
        _ = try? tmux(["kill-server"])
        // tmux leaves the socket file of a killed server behind.
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        unlink("\(directory)/tmux-\(getuid())/\(socket)")
    }

    func sendKeys(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The process id of the program started in the pane (the child of its `sh`).
    func programPID() throws -> pid_t? {
        let shell = try tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { pid_t($0) }
    }

    func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// The screen with its SGR escapes, to see colours and attributes.
    func captureStyled() throws -> String { try tmux(["capture-pane", "-p", "-e", "-t", name]) }

    /// Polls the screen until `predicate` holds; fails with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 15, _ predicate: (String) -> Bool) async throws -> String {
        var screen = ""
        do {
            return try await eventuallyValue(what, within: .seconds(timeout)) {
                screen = try capture()
                return predicate(screen) ? screen : nil
            }
        } catch is SupportError {
            throw SupportError("timed out after \(timeout) s waiting for \(what); the screen was:\n\(screen)")
        }
    }

    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 15) async throws -> String {
        try await waitFor("“\(text)”", timeout: timeout) { $0.contains(text) }
    }

    /// Runs one tmux command with posix_spawn and waitpid. Foundation's `Process` would
    /// wait forever on `new-session`: the tmux server it starts inherits its descriptors.
    @discardableResult
    /// Lets programs in this tmux set its clipboard with OSC 52 (`set-clipboard on`).
    func allowClipboard() throws { _ = try tmux(["set-option", "-g", "set-clipboard", "on"]) }

    /// The newest paste buffer: what a program last put on the clipboard.
    func clipboard() throws -> String { try tmux(["show-buffer"]) }

    private func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-u", "-L", socket] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        // The test runner's threads block signals; a tmux server inheriting that mask
        // would never hear SIGCHLD or SIGTERM, and neither would the programs in its panes.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArguments, environ)
        guard spawned == 0 else { throw SupportError("cannot run tmux (error \(spawned)); install it: apt-get install tmux") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = (status >> 8) & 0xFF
        guard status & 0x7F == 0, exitStatus == 0 else {
            throw SupportError("tmux \(arguments.joined(separator: " ")) failed with status \(exitStatus)")
        }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    private final class Counter: @unchecked Sendable {
        // @unchecked: the count is only touched under `lock`.
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }
}

extension String {
    /// Whether the screen holds a list row with status `mark` ("[x]"), then a short id,
    /// then `rest` ("med  Task 075"): the ids are the server's, so any will do.
    func containsListRow(_ mark: String, _ rest: String) -> Bool {
        let pattern = "│" + NSRegularExpression.escapedPattern(for: mark) + " [0-9A-Z]{4,26} " + NSRegularExpression.escapedPattern(for: rest)
        return range(of: pattern, options: .regularExpression) != nil
    }
}
