import Foundation
import TaskFlowTestSupport
import XCTest

/// Each command of the real `taskflow` binary against the real server: output and exit code.
final class CLICommandTests: XCTestCase {
    /// register, whoami, add, ls, show, edit, start, done, rm, stats, logout.
    func testEverydayCommands() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let cli = try CLIHarness(server: server)
        defer { cli.remove() }

        let email = try cli.register(name: "Ann")
        let mode = try FileManager.default.attributesOfItem(atPath: cli.credentialsPath)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)
        let credentials = try String(contentsOfFile: cli.credentialsPath, encoding: .utf8)

        let whoami = try cli.run("whoami")
        XCTAssertEqual(whoami.status, 0, whoami.stderr)
        XCTAssertEqual(whoami.stdout, "Ann <\(email)> on \(server.url)\n")
        // The API's own answer to GET /auth/me: {"user": {…}}.
        XCTAssertEqual((try cli.json(cli.run("whoami", "--json"))["user"] as? [String: Any])?["email"] as? String, email)

        let added = try cli.run("add", "Buy", "milk", "--priority", "high", "--due", "tomorrow")
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(added.stdout.hasPrefix("Created ") && added.stdout.hasSuffix(": Buy milk\n"), added.stdout)
        let milkID = String(added.stdout.dropFirst("Created ".count).prefix { $0 != ":" })
        let party = try cli.json(cli.run("add", "日本語のタスク 🎉", "-d", "with\nlines", "--due", "+3d", "--json"))
        let partyID = try XCTUnwrap(party["id"] as? String)
        XCTAssertEqual(party["title"] as? String, "日本語のタスク 🎉")
        XCTAssertEqual(party["description"] as? String, "with\nlines")

        let table = try cli.run("ls")
        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first?.hasPrefix("ID"), true, table.stdout)
        XCTAssertEqual(lines.count, 4, table.stdout)
        if lines.count == 4 {
            XCTAssertTrue(lines[1].contains("日本語のタスク 🎉") && lines[1].contains("in 3d"), lines[1])
            XCTAssertTrue(lines[2].contains("Buy milk") && lines[2].contains("high") && lines[2].contains("tomorrow"), lines[2])
            XCTAssertEqual(lines[3], "1–2 of 2 (page 1 of 1)")
        }
        XCTAssertFalse(table.stdout.contains("\u{1B}"))  // not a terminal: no colour

        let listed = try cli.json(cli.run("ls", "--json", "--priority", "high"))
        XCTAssertEqual((listed["tasks"] as? [[String: Any]])?.map { $0["id"] as? String }, [milkID])
        XCTAssertEqual((listed["pagination"] as? [String: Any])?["total"] as? Int, 1)

        let shown = try cli.run("show", partyID)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("status:    todo") && shown.stdout.contains("\nwith\nlines\n"), shown.stdout)

        let edited = try cli.run("edit", milkID, "--title", "Buy oat milk", "--no-due")
        XCTAssertEqual(edited.status, 0, edited.stderr)
        XCTAssertTrue(edited.stdout.contains("Buy oat milk (version 2)"), edited.stdout)
        XCTAssertTrue(try cli.run("start", partyID).stdout.hasPrefix("Started \(partyID)"))
        XCTAssertTrue(try cli.run("done", milkID).stdout.hasPrefix("Done \(milkID)"))
        let stats = try cli.json(cli.run("stats", "--json"))
        XCTAssertEqual(stats["byStatus"] as? [String: Int], ["todo": 0, "in-progress": 1, "done": 1])
        XCTAssertTrue(try cli.run("stats").stdout.contains("Tasks: 2"))

        let removed = try cli.run("rm", milkID)
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertEqual(removed.stdout, "Deleted \(milkID)\n")
        let missing = try cli.run("show", milkID)
        XCTAssertEqual(missing.status, 4)
        XCTAssertTrue(missing.stderr.hasPrefix("taskflow: "), missing.stderr)
        XCTAssertTrue(missing.stdout.isEmpty, missing.stdout)

        let logout = try cli.run("logout")
        XCTAssertEqual(logout.status, 0, logout.stderr)
        XCTAssertEqual(logout.stdout, "Logged out of \(server.url).\n")
        let after = try cli.run("ls")
        XCTAssertEqual(after.status, 3)
        XCTAssertTrue(after.stderr.contains("Not logged in") && after.stderr.contains("taskflow login"), after.stderr)
        // The tokens never reached the terminal.
        for token in ["accessToken", "refreshToken"] {
            let value = credentials.components(separatedBy: "\"\(token)\" : \"").last?.prefix { $0 != "\"" } ?? ""
            XCTAssertFalse(value.isEmpty, token)
            for output in [whoami, added, table, shown, logout] {
                XCTAssertFalse(output.stdout.contains(value) || output.stderr.contains(value), "\(token) printed")
            }
        }
    }

    func testLoginWithPasswordStdinAndWrongPasswordExits3() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let first = try CLIHarness(server: server)
        defer { first.remove() }
        let email = try first.register()
        let second = try CLIHarness(server: nil)
        defer { second.remove() }
        let wrong = try second.run("login", server.url, "--email", email, "--password-stdin", stdin: "wrong password\n")
        XCTAssertEqual(wrong.status, 3)
        XCTAssertTrue(wrong.stderr.hasPrefix("taskflow: "), wrong.stderr)
        let right = try second.run("login", server.url, "--email", email, "--password-stdin", stdin: "correct horse battery\n")
        XCTAssertEqual(right.status, 0, right.stderr)
        XCTAssertTrue(right.stdout.contains("Logged in to \(server.url)"), right.stdout)
        // The server given to login becomes the default for later commands.
        XCTAssertEqual(try second.run("whoami").status, 0)
    }

    func testListAllWalksEveryPageIntoOneTasksArray() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let cli = try CLIHarness(server: server)
        defer { cli.remove() }
        try cli.register()
        for i in 1...105 { try cli.run("add", "Task \(i)") }
        let all = try cli.json(cli.run("ls", "--all", "--json"))
        XCTAssertEqual((all["tasks"] as? [[String: Any]])?.count, 105)
        let page = try cli.json(cli.run("ls", "--json", "--limit", "10", "--page", "11"))
        XCTAssertEqual((page["tasks"] as? [Any])?.count, 5)
        let text = try cli.run("ls", "--all")
        XCTAssertTrue(text.stdout.hasSuffix("105 tasks\n"), String(text.stdout.suffix(200)))
    }

    func testEnvironmentTokenStandsInForAStoredLogin() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let cli = try CLIHarness(server: server)
        defer { cli.remove() }
        try cli.register(name: "Token User")
        let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cli.credentialsPath))) as? [String: Any]
        let entry = (stored?["servers"] as? [String: [String: Any]])?[server.url]
        let token = try XCTUnwrap(entry?["accessToken"] as? String)

        var scripted = try CLIHarness(server: server)
        defer { scripted.remove() }
        scripted.extraEnvironment["TASKFLOW_TOKEN"] = token
        XCTAssertTrue(try scripted.run("whoami").stdout.hasPrefix("Token User <"))
        scripted.extraEnvironment["TASKFLOW_TOKEN"] = "not-a-token"
        let bad = try scripted.run("ls")
        XCTAssertEqual(bad.status, 3)
        XCTAssertTrue(bad.stderr.contains("TASKFLOW_TOKEN"), bad.stderr)
    }

    func testWatchJSONPrintsEachChangeAsOneLine() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let cli = try CLIHarness(server: server)
        defer { cli.remove() }
        try cli.register()

        let process = Process()
        process.executableURL = try CLIHarness.binary()
        process.arguments = ["watch", "--json"]
        process.environment = cli.environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        // The pipe reads below block; a watchdog ends the process (closing its pipes) so a
        // missing event fails the test instead of hanging it.
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) { kill(pid, SIGKILL) }

        // Wait for "# live" on stderr, then make a change.
        var status = Data()
        let deadline = Date().addingTimeInterval(10)
        while !String(decoding: status, as: UTF8.self).contains("# live"), Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // EOF: the process ended
            status.append(chunk)
        }
        XCTAssertTrue(String(decoding: status, as: UTF8.self).contains("# live"), String(decoding: status, as: UTF8.self))
        let added = try cli.json(cli.run("add", "Watched", "--json"))
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        let firstLine = try XCTUnwrap(line.split(separator: "\n").first, "watch printed nothing")
        let event = try JSONSerialization.jsonObject(with: Data(firstLine.utf8)) as? [String: Any]
        XCTAssertEqual(event?["event"] as? String, "task-created")
        XCTAssertEqual((event?["data"] as? [String: Any])?["id"] as? String, added["id"] as? String)
    }

    func testRateLimitedExits6WithTheWaitTime() async throws {
        let server = try await ServerProcess.start(["RATE_LIMIT_MAX_REQUESTS": "3", "RATE_LIMIT_WINDOW_MS": "60000"])
        defer { server.stop() }
        let cli = try CLIHarness(server: server)
        defer { cli.remove() }
        try cli.register()
        // The online path: every `ls` costs a request (from the local copy it is a free 304).
        var last = try cli.run("ls", "--no-cache")
        for _ in 0..<4 where last.status == 0 { last = try cli.run("ls", "--no-cache") }
        XCTAssertEqual(last.status, 6, last.stderr)
        XCTAssertTrue(last.stderr.contains("Rate limited") && last.stderr.contains("Try again in"), last.stderr)
    }
}
