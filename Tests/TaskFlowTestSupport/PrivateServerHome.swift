import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh user for local mode: HOME and every XDG directory in a temporary directory,
/// so `taskflow` with nothing configured starts a private server of its own there.
/// `stopServers()` stops whatever private server (and demo server) it started, so no
/// process outlives the test.
public struct PrivateServerHome: Sendable {
    public let home: TemporaryDirectory
    public var extraEnvironment: [String: String] = [:]

    public init() throws {
        // Short: the socket's path must fit in the 108 bytes of a sockaddr_un.
        home = try TemporaryDirectory(prefix: "tf-local")
    }

    public var path: String { home.path }
    public var runtimeDirectory: String { home.path + "/run/taskflow" }
    public var socketPath: String { runtimeDirectory + "/server.sock" }
    public var demoDirectory: String { runtimeDirectory + "/demo" }
    public var databasePath: String { home.path + "/data/taskflow/taskflow.sqlite" }

    public var environment: [String: String] {
        var environment = [
            "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config", "XDG_DATA_HOME": home.path + "/data",
            "XDG_STATE_HOME": home.path + "/state", "XDG_RUNTIME_DIR": home.path + "/run",
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
            // Short, so that a server a test failed to stop still goes away soon by itself.
            "TASKFLOW_LOCAL_IDLE_EXIT_AFTER": "2m",
        ]
        for (key, value) in extraEnvironment { environment[key] = value }
        return environment
    }

    /// The private server's pid, as `taskflow-server` processes of this home show it in /proc.
    public func serverPIDs(socket: String? = nil) -> [pid_t] {
        let listen = "LISTEN=unix:" + (socket ?? socketPath)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == listen } && Self.isAlive(pid)
        }
    }

    /// True while the process exists and is not a zombie.
    public static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }

    /// Polls until `condition` holds; throws after `timeout` naming `what`.
    public func waitUntil(_ what: String, timeout: Duration = .seconds(15), _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { throw SupportError("timed out after \(timeout) waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// `taskflow local stop`, then SIGKILL for any server of this home still there (a demo
    /// server whose screen was killed), then removes the directory.
    public func stopServersAndRemove(taskflow: URL) {
        _ = try? CommandLineRun.run(taskflow, ["local", "stop"], environment: environment)
        for pid in serverPIDs() + serverPIDs(socket: demoDirectory + "/server.sock") { kill(pid, SIGKILL) }
        home.remove()
    }
}
