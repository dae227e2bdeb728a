import Foundation
import TaskFlowClient

/// Where a private server keeps its files. The socket, its lock, the pid and the log sit
/// together in one 0700 directory: `$XDG_RUNTIME_DIR/taskflow/` (else
/// `$XDG_STATE_HOME/taskflow/`, default `~/.local/state/taskflow/`). The database and the
/// local account live under `$XDG_DATA_HOME/taskflow/`. The demo keeps everything,
/// database included, in a `demo/` directory of its own that is removed after it.
public struct LocalServerFiles: Sendable {
    /// The socket's directory.
    public let directory: URL
    /// The SQLite database.
    public let database: URL
    /// Where the local account's password and session are kept (0600 files).
    public let accountDirectory: URL

    public var socket: String { directory.appendingPathComponent("server.sock").path }
    public var lock: String { directory.appendingPathComponent("server.lock").path }
    public var pidFile: String { directory.appendingPathComponent("server.pid").path }
    public var log: String { directory.appendingPathComponent("server.log").path }
    public var address: ServerAddress { try! ServerAddress("unix:" + socket) }

    /// The user's own server and data.
    public static func standard(environment: [String: String]) -> LocalServerFiles {
        let data = XDGDirectories(environment: environment).data.appendingPathComponent("taskflow")
        return LocalServerFiles(
            directory: runtimeDirectory(environment: environment), database: data.appendingPathComponent("taskflow.sqlite"),
            accountDirectory: data)
    }

    /// The demo's throwaway server: everything in one directory.
    public static func demo(environment: [String: String]) -> LocalServerFiles {
        let directory = runtimeDirectory(environment: environment).appendingPathComponent("demo")
        return LocalServerFiles(directory: directory, database: directory.appendingPathComponent("demo.sqlite"), accountDirectory: directory)
    }

    static func runtimeDirectory(environment: [String: String]) -> URL {
        // Relative values are invalid per the XDG specification and are ignored.
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            return URL(fileURLWithPath: runtime).appendingPathComponent("taskflow")
        }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("taskflow")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/state/taskflow")
    }

    /// Creates a directory (and its parents) accessible to the user alone.
    public static func makePrivateDirectory(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw LocalServerError("cannot create \(url.path): \(error.localizedDescription)")
        }
    }
}
