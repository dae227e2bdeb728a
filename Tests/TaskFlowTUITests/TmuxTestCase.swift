import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// What every end-to-end test of the screen starts with: a real `taskflow-server` on
/// loopback, a private home directory, a user signed in the way `taskflow login` does
/// it (so the UI finds a saved session), and tmux sessions closed afterwards. Subclasses
/// put their tasks on the server in `seed()`.
class TmuxTestCase: XCTestCase {
    var server: ServerProcess!
    var home: TemporaryDirectory!
    var client: APIClient!
    var sessions: [TmuxSession] = []

    override func setUp() async throws {
        server = try await ServerProcess.start()
        home = try TemporaryDirectory(prefix: "taskflow-tui-e2e")
        let store = FileCredentialStore.standard(environment: environment)
        client = APIClient(session: try Session(server: server.address, store: store))
        try await client.register(name: "Ada", email: "ada@example.com", password: "correct horse battery")
        try await seed()
    }

    /// The tasks the tests of a class start from.
    func seed() async throws {}

    override func tearDown() {
        sessions.forEach { $0.close() }
        server?.stop()
        home?.remove()
    }

    var environment: [String: String] { environment(term: "tmux-256color") }

    func environment(term: String) -> [String: String] {
        [
            "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config", "XDG_DATA_HOME": home.path + "/data",
            "TERM": term, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
        ]
    }

    func taskflow() throws -> String { try ProductsDirectory.executable("taskflow", overrideVariable: "TASKFLOW_BIN").path }

    /// `taskflow --server …` in a new tmux window, once `firstFrame` holds for its screen.
    func launch(
        width: Int = 120, height: Int = 40, term: String = "tmux-256color", extraEnvironment: [String: String] = [:],
        firstFrame: (String) -> Bool
    ) async throws -> TmuxSession {
        let session = try TmuxSession(
            [try taskflow(), "--server", server.url], environment: environment(term: term).merging(extraEnvironment) { $1 },
            width: width, height: height)
        sessions.append(session)
        try await session.waitFor("the first frame", firstFrame)
        return session
    }
}
