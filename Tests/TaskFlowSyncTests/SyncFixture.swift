import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowSync
import TaskFlowTestSupport
import XCTest

/// A real server, a signed-in user, and as many clients (each a replica file, an API client
/// and a sync engine) as a test needs.
struct SyncFixture {
    let server: ServerProcess
    let directory: TemporaryDirectory
    let email: String
    let userID: String
    static let password = "correct horse battery"

    static func start(_ settings: [String: String?] = [:]) async throws -> SyncFixture {
        let server = try await ServerProcess.start(settings)
        let directory = try TemporaryDirectory(prefix: "taskflow-sync")
        let email = "sync-\(UUID().uuidString.prefix(8).lowercased())@example.com"
        let api = APIClient(session: try Session(server: server.address, store: InMemoryCredentialStore()))
        let user = try await api.register(name: "Ann", email: email, password: password).value.user
        return SyncFixture(server: server, directory: directory, email: email, userID: user.id)
    }

    /// A signed-in API client of the user (a second device, or the plain online path).
    func api() async throws -> APIClient {
        let api = APIClient(session: try Session(server: server.address, store: InMemoryCredentialStore()))
        _ = try await api.login(email: email, password: Self.password)
        return api
    }

    /// A client with a local copy: `name` picks its replica file, so opening the same name
    /// again is the same client after a restart.
    func client(_ name: String = "a") async throws -> (Replica, SyncEngine) {
        let replica = try Replica(path: directory.path + "/\(name).sqlite", userID: userID)
        return (replica, SyncEngine(replica: replica, api: try await api()))
    }

    func stop() {
        server.stop()
        directory.remove()
    }
}

/// `XCTAssertEqual` for values an `await` computes (its autoclosures cannot await).
func check<T: Equatable>(_ actual: T, _ expected: T, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual, expected, message, file: file, line: line)
}
