import Foundation
import TaskFlowClient
import TaskFlowTestSupport

/// Accounts and clients on a real `taskflow-server`.
enum RealServer {
    static let password = "correct horse battery"

    static func uniqueEmail() -> String { "user-\(UUID().uuidString.prefix(8).lowercased())@example.com" }

    /// A client with its own credentials file under `home` (one "process").
    static func client(_ server: ServerProcess, home: TemporaryDirectory, retry: RetryPolicy = .never) throws -> APIClient {
        let store = FileCredentialStore.standard(environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path])
        return APIClient(session: try Session(server: server.address, store: store), retryPolicy: retry)
    }

    /// Registers a new user and returns a signed-in client, its email and home directory.
    static func newUser(_ server: ServerProcess, name: String = "Test User") async throws -> (APIClient, String, TemporaryDirectory) {
        let home = try TemporaryDirectory(prefix: "taskflow-home")
        let client = try client(server, home: home)
        let email = uniqueEmail()
        try await client.register(name: name, email: email, password: password)
        return (client, email, home)
    }
}
