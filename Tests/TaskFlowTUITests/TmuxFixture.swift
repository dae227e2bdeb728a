import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport

/// What every end-to-end test of the screen starts with: a real `taskflow-server` on
/// loopback, a private home directory, a user signed in the way `taskflow login` does it
/// (so the UI finds a saved session) and the tasks the test class starts from; `close`
/// ends the tmux sessions and the server.
final class TmuxFixture: @unchecked Sendable {
    // @unchecked: built in a test's setUp and used from that test's one task.
    let server: ServerProcess
    let home: TemporaryDirectory
    let client: APIClient
    private var sessions: [TmuxSession] = []

    /// - Parameter tasks: the tasks the test class starts from, created in this order.
    static func start(tasks: [TaskChanges]) async throws -> TmuxFixture {
        let server = try await ServerProcess.start()
        let fixture = try TmuxFixture(server: server, home: TemporaryDirectory(prefix: "taskflow-tui-e2e"))
        try await fixture.client.register(name: "Ada", email: "ada@example.com", password: "correct horse battery")
        for task in tasks { _ = try await fixture.client.createTask(task) }
        return fixture
    }

    /// "Task 001" … "Task NNN".
    static func numberedTasks(_ count: Int) -> [TaskChanges] {
        (1...count).map { TaskChanges(title: String(format: "Task %03d", $0)) }
    }

    private init(server: ServerProcess, home: TemporaryDirectory) throws {
        self.server = server
        self.home = home
        let environment = Self.environment(home: home, term: "tmux-256color")
        client = APIClient(session: try Session(server: server.address, store: FileCredentialStore.standard(environment: environment)))
    }

    func close() {
        sessions.forEach { $0.close() }
        server.stop()
        home.remove()
    }

    var environment: [String: String] { environment(term: "tmux-256color") }

    func environment(term: String) -> [String: String] { Self.environment(home: home, term: term) }

    static func environment(home: TemporaryDirectory, term: String) -> [String: String] {
        [
            "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config", "XDG_DATA_HOME": home.path + "/data",
            "TERM": term, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
        ]
    }

    func taskflow() throws -> String { try ProductsDirectory.executable("taskflow", overrideVariable: "TASKFLOW_BIN").path }

    /// A tmux session running `command`, closed with the fixture.
    func open(_ command: [String], environment: [String: String], width: Int = 120, height: Int = 40) throws -> TmuxSession {
        let session = try TmuxSession(command, environment: environment, width: width, height: height)
        sessions.append(session)
        return session
    }

    /// `taskflow --server …` in a new tmux window, once `firstFrame` holds for its screen.
    func launch(
        width: Int = 120, height: Int = 40, term: String = "tmux-256color", extraEnvironment: [String: String] = [:],
        firstFrame: (String) -> Bool
    ) async throws -> TmuxSession {
        let session = try open(
            [try taskflow(), "--server", server.url], environment: environment(term: term).merging(extraEnvironment) { $1 },
            width: width, height: height)
        try await session.waitFor("the first frame", firstFrame)
        return session
    }
}
