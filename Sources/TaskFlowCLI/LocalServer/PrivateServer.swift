import Foundation
import TaskFlowClient
import TaskFlowCore
#if canImport(Glibc)
import Glibc
#endif

/// The user's private `taskflow-server` on a Unix socket: found running, or started on
/// demand under a lock so that commands started together make one server. It stops by
/// itself after `IDLE_EXIT_AFTER` with nothing to do.
public struct PrivateServer: Sendable {
    public let files: LocalServerFiles
    let environment: [String: String]

    public init(files: LocalServerFiles, environment: [String: String]) {
        self.files = files
        self.environment = environment
    }

    /// Local mode is the default when nothing names a server and no login is saved. A
    /// credentials file that cannot be read is not "no login": its error is shown instead.
    public static func isDefault(settings: ClientSettings) -> Bool {
        func isSet(_ name: String) -> Bool { !(settings.environment[name] ?? "").isEmpty }
        guard settings.server == nil, !isSet("TASKFLOW_SERVER"), !isSet("TASKFLOW_TOKEN") else { return false }
        do { return try settings.store.defaultServer() == nil } catch { return false }
    }

    public var isAnswering: Bool { UnixSocketProbe.answers(files.socket) }

    /// Returns once the server answers on its socket, starting it if nobody does.
    public func ensureRunning() async throws {
        if isAnswering { return }
        try LocalServerFiles.makePrivateDirectory(files.directory)
        let lock = try await FileLock.acquire(at: files.lock)
        defer { withExtendedLifetime(lock) {} }
        // Another command may have started it while we waited for the lock.
        if isAnswering { return }
        let executable = try ServerExecutable.locate(environment: environment)
        try LocalServerFiles.makePrivateDirectory(files.database.deletingLastPathComponent())
        // A socket left by a crashed server is removed by the new server itself, after it
        // too has checked that nothing answers there.
        let pid = try DetachedProcess.spawn(executable, environment: serverEnvironment, log: files.log)
        try? FileManager.default.removeItem(atPath: files.pidFile)
        _ = FileManager.default.createFile(atPath: files.pidFile, contents: Data("\(pid)\n".utf8), attributes: [.posixPermissions: 0o600])
        try await waitUntilAnswering(pid)
    }

    /// A client signed in to the local account (created on first use). `created` is true
    /// when the account was made just now. Signing in happens under a lock, so commands
    /// started together on a fresh machine make one account.
    public func signedInClient(
        account: LocalAccount, transport: TransportOptions = TransportOptions(), retryPolicy: RetryPolicy = .never, verifySession: Bool = false
    ) async throws -> (client: APIClient, created: Bool) {
        let store = FileCredentialStore(directory: files.accountDirectory)
        func makeClient() throws -> APIClient {
            APIClient(session: try Session(server: files.address, store: store), transport: CurlTransport(options: transport), retryPolicy: retryPolicy)
        }
        func isUsable(_ client: APIClient) async -> Bool {
            guard await client.session.isSignedIn else { return false }
            if !verifySession { return true }
            return await Self.isSessionUsable(client)
        }
        let client = try makeClient()
        if await isUsable(client) { return (client, false) }
        try LocalServerFiles.makePrivateDirectory(files.accountDirectory)
        let lock = try await FileLock.acquire(at: files.accountDirectory.appendingPathComponent("account.lock").path)
        defer { withExtendedLifetime(lock) {} }
        // Another command may have signed in while we waited: read the session again.
        let current = try makeClient()
        if await isUsable(current) { return (current, false) }
        return (current, try await account.signIn(current, directory: files.accountDirectory))
    }

    var serverEnvironment: [String: String] {
        var variables: [String: String] = [:]
        for name in ["PATH", "HOME", "LANG", "LC_ALL", "TZ"] { variables[name] = environment[name] }
        let idle = environment["TASKFLOW_LOCAL_IDLE_EXIT_AFTER"].flatMap { $0.isEmpty ? nil : $0 } ?? "10m"
        variables["LISTEN"] = "unix:" + files.socket
        variables["DATABASE_URL"] = "sqlite:" + files.database.path
        variables["IDLE_EXIT_AFTER"] = idle
        variables["RATE_LIMIT_MAX_REQUESTS"] = "0"  // one user on a private socket
        // The refresh token is no more secret than the password file beside it; a long one
        // saves the CLI from a sign-in round trip every week.
        variables["REFRESH_EXPIRES_IN"] = "3650d"
        variables["LOG_LEVEL"] = "warning"
        return variables
    }

    private func waitUntilAnswering(_ pid: pid_t) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !isAnswering {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                throw LocalServerError("the private server stopped at once; its log \(files.log) ends: \(logTail())")
            }
            guard ContinuousClock.now < deadline else {
                throw LocalServerError("the private server did not answer on \(files.socket) within 30 s; see \(files.log)")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    private func logTail() -> String {
        let text = (try? String(contentsOfFile: files.log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(3).joined(separator: " | ")
    }

    /// False when the saved session no longer works (the database was replaced).
    private static func isSessionUsable(_ client: APIClient) async -> Bool {
        do {
            _ = try await client.me()
            return true
        } catch let error as ClientError where error.category == .auth {
            return false
        } catch {
            return true
        }
    }
}
