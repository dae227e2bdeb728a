import Foundation
import TaskFlowTestSupport

/// Runs the real `taskflow` binary against a real server, as a user would: its own HOME
/// and XDG config directory, the server in TASKFLOW_SERVER, no terminal.
struct CLIHarness {
    let server: ServerProcess?
    let home: TemporaryDirectory
    var extraEnvironment: [String: String] = [:]

    init(server: ServerProcess?) throws {
        self.server = server
        home = try TemporaryDirectory(prefix: "taskflow-cli")
    }

    var credentialsPath: String { home.path + "/config/taskflow/credentials.json" }

    var environment: [String: String] {
        var environment = ["HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        if let server { environment["TASKFLOW_SERVER"] = server.url }
        for (key, value) in extraEnvironment { environment[key] = value }
        return environment
    }

    static func binary() throws -> URL { try ProductsDirectory.executable("taskflow", overrideVariable: "TASKFLOW_BIN") }

    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil) throws -> CommandLineRun {
        try CommandLineRun.run(try Self.binary(), arguments, environment: environment, stdin: stdin)
    }

    func run(arguments: [String], stdin: String? = nil) throws -> CommandLineRun {
        try CommandLineRun.run(try Self.binary(), arguments, environment: environment, stdin: stdin)
    }

    /// Registers a fresh account through the CLI; returns its email.
    /// Registers a new account and returns its email (tests that do not need it ignore it).
    @discardableResult
    func register(name: String = "Cli User") throws -> String {
        let email = "cli-\(UUID().uuidString.prefix(8).lowercased())@example.com"
        let result = try run("register", "--name", name, "--email", email, "--password-stdin", stdin: "correct horse battery\n")
        guard result.status == 0 else { throw SupportError("register failed: \(result.stderr)") }
        return email
    }

    func json(_ result: CommandLineRun) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw SupportError("not a JSON object: \(result.stdout)")
        }
        return object
    }

    func remove() { home.remove() }

    /// Runs `body` with a fresh server and a user registered on it through the CLI; both
    /// are gone afterwards.
    static func withRegisteredUser(_ body: (CLIHarness, ServerProcess) async throws -> Void) async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let cli = try CLIHarness(server: server)
        defer { cli.remove() }
        try cli.register()
        try await body(cli, server)
    }
}
