import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// Short ids on the command line against a real server: `ls` shows tails, every command
/// takes one, and an id that fits several tasks lists them and exits 64.
final class ShortIDCLITests: XCTestCase {
    /// Ids chosen so that two share the tail "7QTD" and two the head "01KBD3WJ8K…".
    private static let milk = "01KBD3WJ8K00000000000A7QTD", bread = "01KBD3WJ8K00000000000B7QTD", tea = "01KBD3XZZZ0000000000000TEA"

    private func seed(_ server: ServerProcess, email: String) async throws {
        let api = APIClient(session: try Session(server: server.address, store: InMemoryCredentialStore()))
        _ = try await api.login(email: email, password: "correct horse battery")
        let results = try await api.batch([
            .create(id: Self.milk, fields: TaskChanges(title: "Buy milk"), idempotencyKey: nil),
            .create(id: Self.bread, fields: TaskChanges(title: "Buy bread"), idempotencyKey: nil),
            .create(id: Self.tea, fields: TaskChanges(title: "Make tea"), idempotencyKey: nil),
        ])
        XCTAssertEqual(results.map(\.status), [201, 201, 201])
    }

    private func checkShortIDs(noCache: Bool) async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let cli = try CLIHarness(server: server)
        defer { cli.remove() }
        try await seed(server, email: try cli.register())
        let flags = noCache ? ["--no-cache"] : []

        let table = try cli.run(arguments: ["ls"] + flags)
        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first?.hasPrefix("ID     STATUS"), true, table.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("A7QTD  todo") && $0.hasSuffix("Buy milk") }, table.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("B7QTD  todo") && $0.hasSuffix("Buy bread") }, table.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("0TEA   todo") && $0.hasSuffix("Make tea") }, table.stdout)
        let listed = try cli.json(try cli.run(arguments: ["ls", "--json"] + flags))
        XCTAssertEqual(Set((listed["tasks"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }), [Self.milk, Self.bread, Self.tea],
                       "--json keeps whole ids")

        let done = try cli.run(arguments: ["done", "a7qtd"] + flags)
        XCTAssertEqual(done.status, 0, done.stderr)
        XCTAssertEqual(done.stdout, "Done \(Self.milk): Buy milk\n")
        let shown = try cli.run(arguments: ["show", "0TEA"] + flags)
        XCTAssertTrue(shown.stdout.hasPrefix("Make tea\nid:        \(Self.tea)"), shown.stdout + shown.stderr)
        let edited = try cli.run(arguments: ["edit", "TEA", "--priority", "high"] + flags)
        XCTAssertEqual(edited.status, 64, "shorter than 4 is refused: \(edited.stderr)")
        XCTAssertEqual(edited.stderr, "taskflow: TEA: give at least 4 characters of the id\n")
        let byHead = try cli.run(arguments: ["edit", "01KBD3XZ", "--priority", "high"] + flags)
        XCTAssertEqual(byHead.status, 0, "a copied head of an id: \(byHead.stderr)")

        let ambiguous = try cli.run(arguments: ["rm", "7QTD"] + flags)
        XCTAssertEqual(ambiguous.status, 64)
        XCTAssertEqual(ambiguous.stderr, """
            taskflow: 7QTD fits 2 tasks; give more characters:
              \(Self.milk)  Buy milk
              \(Self.bread)  Buy bread

            """)
        let byPrefix = try cli.run(arguments: ["start", "01KBD3WJ"] + flags)
        XCTAssertEqual(byPrefix.status, 64, byPrefix.stderr)
        XCTAssertTrue(byPrefix.stderr.contains("01KBD3WJ fits 2 tasks"), byPrefix.stderr)
        let unknown = try cli.run(arguments: ["done", "ZZZZZ"] + flags)
        XCTAssertEqual(unknown.status, 4, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("ZZZZZ"), unknown.stderr)

        let removed = try cli.run(arguments: ["rm", "b7qtd"] + flags)
        XCTAssertEqual(removed.stdout, "Deleted \(Self.bread)\n", removed.stderr)
        // With one "…7QTD" left, its short id is four characters again.
        XCTAssertTrue(try cli.run(arguments: ["ls"] + flags).stdout.contains("7QTD  done"))
    }

    func testShortIDsThroughTheLocalCopy() async throws { try await checkShortIDs(noCache: false) }

    func testShortIDsWithoutALocalCopy() async throws { try await checkShortIDs(noCache: true) }
}
