import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the user's editor on a text: `$EDITOR`, then `$VISUAL`, then `vi`, through
/// `/bin/sh` as git does, so `EDITOR="code --wait"` works. The text goes through a private
/// temporary file (0600) that is removed afterwards. Runs on the UI thread while the
/// terminal is handed over, and blocks until the editor exits.
public struct ExternalEditor: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The command the user chose.
    public var command: String {
        for name in ["EDITOR", "VISUAL"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    public func edit(_ text: String) -> EditorOutcome {
        let directory = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/taskflow-description-XXXXXX.md".utf8CString)
        let descriptor = mkstemps(&template, 3)
        guard descriptor >= 0 else {
            return .failed("Could not create a file for the editor in \(directory): \(String(cString: strerror(errno)))")
        }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        // Editors end a file with a newline; one is added here and taken off afterwards so
        // an untouched description comes back exactly as it went.
        let written = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try written.write(contentsOf: Data((text + "\n").utf8))
            try written.close()
        } catch {
            return .failed("Could not write the file for the editor: \(error.localizedDescription)")
        }
        if let failure = run(path: path) { return .failed(failure) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed("The editor's file disappeared; nothing was changed")
        }
        guard var edited = String(data: data, encoding: .utf8) else {
            return .failed("The edited text is not UTF-8; nothing was changed")
        }
        if edited.hasSuffix("\r\n") { edited.removeLast() } else if edited.hasSuffix("\n") { edited.removeLast() }
        return .edited(edited)
    }

    /// Runs the editor on `path` and waits for it; returns why it failed, or nil. Ctrl-C in the editor must not end
    /// TaskFlow, so SIGINT and SIGQUIT are ignored here meanwhile (as `system(3)` does);
    /// the editor gets their default actions back.
    private func run(path: String) -> String? {
        let command = self.command
        let arguments = ["/bin/sh", "-c", "\(command) \"$1\"", "taskflow-editor", path]
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let oldInterrupt = signal(SIGINT, SIG_IGN)
        let oldQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, oldInterrupt)
            signal(SIGQUIT, oldQuit)
        }
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", nil, &attributes, &argv, &envp)
        guard spawned == 0 else {
            return "Could not start the editor (\(command)): \(String(cString: strerror(spawned)))"
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return "Lost track of the editor (\(command))" }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        let signalNumber = status & 0x7F
        let exitCode = (status >> 8) & 0xFF
        if signalNumber != 0 { return "The editor (\(command)) was stopped by signal \(signalNumber); nothing was changed" }
        if exitCode == 127 { return "The editor (\(command)) was not found; set $EDITOR" }
        if exitCode != 0 { return "The editor (\(command)) exited with status \(exitCode); nothing was changed" }
        return nil
    }
}
