import Foundation
import TaskFlowTestSupport
import XCTest

/// The CLI writes through the local copy (journal first, then the server): offline work,
/// undo and redo, `sync status`, `--no-cache`, and the copy gone at logout.
final class LocalCopyCLITests: XCTestCase {
    private func id(ofAdded run: CommandLineRun) -> String {
        String(run.stdout.dropFirst("Created ".count).prefix { $0 != ":" })
    }

    private func statuses(_ cli: CLIHarness) throws -> [String: String] {
        let run = try cli.run("ls", "--json", "--limit", "100", "--no-cache")
        XCTAssertEqual(run.status, 0, run.stderr)
        let tasks = try cli.json(run)["tasks"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: tasks.map { ($0["id"] as! String, $0["status"] as! String) })
    }

    func testAChangeMadeWhileTheServerIsDownIsSentByTheNextCommandThatReachesIt() async throws {
        try await CLIHarness.withRegisteredUser { cli, server in
            let task = id(ofAdded: try cli.run("add", "Water", "the", "plants"))
            server.terminate()
            _ = try await server.waitForExit()

            let offline = try cli.run("done", task)
            XCTAssertEqual(offline.status, 0, "a change kept in the journal is no failure: \(offline.stderr)")
            XCTAssertTrue(offline.stderr.contains("saved here"), offline.stderr)
            let status = try cli.json(try cli.run("sync", "status", "--json"))
            XCTAssertEqual(status["pending"] as? Int, 1)
            XCTAssertEqual(try cli.run("sync").status, 5, "sync says the server is unreachable")

            try await server.restart()
            let synced = try cli.run("sync")
            XCTAssertEqual(synced.status, 0, synced.stderr)
            XCTAssertTrue(synced.stdout.contains("0 changes pending"), synced.stdout)
            XCTAssertEqual(try statuses(cli)[task], "done", "the server has the change made offline")
        }
    }

    func testUndoAndRedoFromTheCommandLine() async throws {
        try await CLIHarness.withRegisteredUser { cli, _ in
            let a = id(ofAdded: try cli.run("add", "First"))
            let b = id(ofAdded: try cli.run("add", "Second"))
            XCTAssertEqual(try cli.run("done", a, b).status, 0)
            XCTAssertEqual(try statuses(cli), [a: "done", b: "done"])

            let undo = try cli.run("undo")
            XCTAssertEqual(undo.status, 0, undo.stderr)
            XCTAssertEqual(undo.stdout, "Undid: done 2 tasks (2 tasks)\n")
            XCTAssertEqual(try statuses(cli), [a: "todo", b: "todo"], "one undo for the one command")
            XCTAssertEqual(try cli.run("redo").stdout, "Redid: done 2 tasks (2 tasks)\n")
            XCTAssertEqual(try statuses(cli), [a: "done", b: "done"])

            XCTAssertEqual(try cli.run("rm", a).status, 0)
            XCTAssertNil(try statuses(cli)[a])
            XCTAssertEqual(try cli.run("undo").status, 0)
            XCTAssertEqual(try statuses(cli)[a], "done", "a deleted task comes back under its id")
        }
    }

    func testNoCacheKeepsNothingOnDiskAndLogoutRemovesTheCopy() async throws {
        try await CLIHarness.withRegisteredUser { cli, _ in
            let replicas = cli.home.path + "/.local/state/taskflow/replicas"
            XCTAssertEqual(try cli.run("add", "Online only", "--no-cache").status, 0)
            XCTAssertFalse(FileManager.default.fileExists(atPath: replicas), "--no-cache writes no local copy")
            XCTAssertEqual(try cli.run("add", "Kept here").status, 0)
            let files = try FileManager.default.contentsOfDirectory(atPath: replicas).filter { $0.hasSuffix(".sqlite") }
            XCTAssertEqual(files.count, 1)
            let mode = try FileManager.default.attributesOfItem(atPath: replicas + "/" + files[0])[.posixPermissions] as? NSNumber
            XCTAssertEqual(mode?.intValue, 0o600)
            XCTAssertEqual(try cli.run("logout").status, 0)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: replicas).filter { $0.hasSuffix(".sqlite") }, [])
        }
    }

    func testLsAndStatsReadTheCopyAsTheServerWouldAnswerAndWorkOffline() async throws {
        try await CLIHarness.withRegisteredUser { cli, server in
            let a = id(ofAdded: try cli.run("add", "Alpha", "--priority", "high"))
            XCTAssertEqual(try cli.run("add", "Beta review", "--due", "tomorrow").status, 0)
            // Another device adds one: the copy takes it in before it answers.
            XCTAssertEqual(try cli.run("add", "Gamma review from elsewhere", "--no-cache").status, 0)
            let reads = [["ls", "--json"], ["ls", "--json", "-q", "review", "--sort", "title"], ["ls", "--json", "--all"],
                         ["ls", "--json", "--limit", "2", "--page", "2"], ["ls"], ["stats", "--json"]]
            for read in reads {
                let copy = try cli.run(arguments: read)
                XCTAssertEqual(copy.status, 0, copy.stderr)
                XCTAssertEqual(copy.stdout, try cli.run(arguments: read + ["--no-cache"]).stdout,
                               "`\(read.joined(separator: " "))` from the copy is what the server answers")
            }
            XCTAssertTrue(try cli.run("ls").stdout.contains("Gamma review from elsewhere"))

            server.terminate()
            _ = try await server.waitForExit()
            XCTAssertEqual(try cli.run("done", a).status, 0)
            let offline = try cli.run("ls", "--json")
            XCTAssertEqual(offline.status, 0, "the copy answers while the server is down: \(offline.stderr)")
            XCTAssertTrue(offline.stderr.contains("showing the local copy as last synced"), offline.stderr)
            let tasks = try cli.json(offline)["tasks"] as? [[String: Any]] ?? []
            XCTAssertEqual(tasks.count, 3)
            XCTAssertEqual(tasks.first { $0["id"] as? String == a }?["status"] as? String, "done", "with the change made offline")
            XCTAssertEqual(try cli.run("stats").status, 0)
        }
    }

    func testRepeatedReadsCostNothingAgainstTheRateLimitWhileNothingChanges() async throws {
        let server = try await ServerProcess.start(["RATE_LIMIT_MAX_REQUESTS": "20"])
        defer { server.stop() }
        let cli = try CLIHarness(server: server)
        defer { cli.remove() }
        try cli.register()
        XCTAssertEqual(try cli.run("add", "One").status, 0)
        // Each command is a new process: the last empty sync's ETag is kept in the copy, so
        // every later read is a 304, which the server gives back to the limit.
        for attempt in 1...30 {
            let run = try cli.run("ls")
            XCTAssertEqual(run.status, 0, "read \(attempt): \(run.stderr)")
        }
    }

    func testUndoLeavesATaskChangedElsewhereAlone() async throws {
        try await CLIHarness.withRegisteredUser { cli, _ in
            let a = id(ofAdded: try cli.run("add", "Mine"))
            XCTAssertEqual(try cli.run("start", a).status, 0)
            // Another device (here: the online path) changes it meanwhile.
            XCTAssertEqual(try cli.run("edit", a, "--title", "Renamed elsewhere", "--no-cache").status, 0)
            let undo = try cli.run("undo")
            XCTAssertEqual(undo.status, 1)
            XCTAssertTrue(undo.stderr.contains("\(a): changed since; left as it is"), undo.stderr)
            XCTAssertEqual(try statuses(cli)[a], "in-progress")
        }
    }
}

/// `taskflow resolve`: a conflict shown field by field and settled.
final class ResolveCLITests: XCTestCase {
    func testAConflictIsShownFieldByFieldAndSettled() async throws {
        try await CLIHarness.withRegisteredUser { cli, server in
            let added = try cli.run("add", "Shared")
            let id = String(added.stdout.dropFirst("Created ".count).prefix { $0 != ":" })
            // An edit made offline waits in the journal, based on version 1...
            server.terminate()
            _ = try await server.waitForExit()
            XCTAssertEqual(try cli.run("edit", id, "--priority", "high", "--title", "Mine").status, 0)
            try await server.restart()
            // ...while another device renames the task.
            XCTAssertEqual(try cli.run("edit", id, "--title", "Theirs", "--no-cache").status, 0)
            let sync = try cli.run("sync")
            XCTAssertEqual(sync.status, 1, "the server refused a change based on an old version: \(sync.stderr)")
            XCTAssertTrue(sync.stderr.contains("changed elsewhere"), sync.stderr)
            let status = try cli.json(try cli.run("sync", "status", "--json"))
            XCTAssertEqual(status["conflicts"] as? [String], [id])

            let shown = try cli.run("resolve", id)
            XCTAssertEqual(shown.status, 0, shown.stderr)
            XCTAssertTrue(shown.stdout.contains("* title        Mine  |  Theirs"), shown.stdout)
            XCTAssertTrue(shown.stdout.contains("* priority     high  |  medium"), shown.stdout)
            XCTAssertTrue(shown.stdout.contains("  status       todo"), shown.stdout)

            let settled = try cli.run("resolve", id, "--mine", "priority")
            XCTAssertEqual(settled.status, 0, settled.stderr)
            let task = try cli.json(try cli.run("show", id, "--json", "--no-cache"))
            XCTAssertEqual(task["title"] as? String, "Theirs")
            XCTAssertEqual(task["priority"] as? String, "high")
            XCTAssertEqual(try cli.json(try cli.run("sync", "status", "--json"))["conflicts"] as? [String], [])
        }
    }
}
