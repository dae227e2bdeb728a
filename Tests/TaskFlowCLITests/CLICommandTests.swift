import Foundation
import Testing
import TaskFlowTestSupport

extension CLIProcessTests {
    /// Each command of the real `taskflow` binary against the real server: output and exit code.
    @Suite("taskflow commands against taskflow-server")
    struct CLICommandTests {
        @Test("register, whoami, add, ls, show, edit, start, done, rm, stats, logout")
        func everyday() async throws {
            let server = try await ServerProcess.start()
            defer { server.stop() }
            let cli = try CLIHarness(server: server)
            defer { cli.remove() }

            let email = try cli.register(name: "Ann")
            let mode = try FileManager.default.attributesOfItem(atPath: cli.credentialsPath)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
            let credentials = try String(contentsOfFile: cli.credentialsPath, encoding: .utf8)

            let whoami = try cli.run("whoami")
            #expect(whoami.status == 0 && whoami.stdout == "Ann <\(email)> on \(server.url)\n")
            // The API's own answer to GET /auth/me: {"user": {…}}.
            #expect((try cli.json(cli.run("whoami", "--json"))["user"] as? [String: Any])?["email"] as? String == email)

            let added = try cli.run("add", "Buy", "milk", "--priority", "high", "--due", "tomorrow")
            #expect(added.status == 0 && added.stdout.hasPrefix("Created ") && added.stdout.hasSuffix(": Buy milk\n"))
            let milkID = String(added.stdout.dropFirst("Created ".count).prefix { $0 != ":" })
            let party = try cli.json(cli.run("add", "日本語のタスク 🎉", "-d", "with\nlines", "--due", "+3d", "--json"))
            let partyID = try #require(party["id"] as? String)
            #expect(party["title"] as? String == "日本語のタスク 🎉" && party["description"] as? String == "with\nlines")

            let table = try cli.run("ls")
            #expect(table.status == 0)
            let lines = table.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("ID") == true && lines.count == 4)
            #expect(lines[1].contains("日本語のタスク 🎉") && lines[1].contains("in 3d"))
            #expect(lines[2].contains("Buy milk") && lines[2].contains("high") && lines[2].contains("tomorrow"))
            #expect(lines[3] == "1–2 of 2 (page 1 of 1)")
            #expect(!table.stdout.contains("\u{1B}"))  // not a terminal: no colour

            let listed = try cli.json(cli.run("ls", "--json", "--priority", "high"))
            #expect((listed["tasks"] as? [[String: Any]])?.map { $0["id"] as? String } == [milkID])
            #expect((listed["pagination"] as? [String: Any])?["total"] as? Int == 1)

            let shown = try cli.run("show", partyID)
            #expect(shown.status == 0 && shown.stdout.contains("status:    todo") && shown.stdout.contains("\nwith\nlines\n"))

            let edited = try cli.run("edit", milkID, "--title", "Buy oat milk", "--no-due")
            #expect(edited.status == 0 && edited.stdout.contains("Buy oat milk (version 2)"))
            #expect(try cli.run("start", partyID).stdout.hasPrefix("Started \(partyID)"))
            #expect(try cli.run("done", milkID).stdout.hasPrefix("Done \(milkID)"))
            let stats = try cli.json(cli.run("stats", "--json"))
            #expect((stats["byStatus"] as? [String: Int]) == ["todo": 0, "in-progress": 1, "done": 1])
            #expect(try cli.run("stats").stdout.contains("Tasks: 2"))

            let removed = try cli.run("rm", milkID)
            #expect(removed.status == 0 && removed.stdout == "Deleted \(milkID)\n")
            let missing = try cli.run("show", milkID)
            #expect(missing.status == 4 && missing.stderr.hasPrefix("taskflow: ") && missing.stdout.isEmpty)

            let logout = try cli.run("logout")
            #expect(logout.status == 0 && logout.stdout == "Logged out of \(server.url).\n")
            let after = try cli.run("ls")
            #expect(after.status == 3 && after.stderr.contains("Not logged in") && after.stderr.contains("taskflow login"))
            // The tokens never reached the terminal.
            for token in ["accessToken", "refreshToken"] {
                let value = credentials.components(separatedBy: "\"\(token)\" : \"").last?.prefix { $0 != "\"" } ?? ""
                #expect(!value.isEmpty)
                for output in [whoami, added, table, shown, logout] { #expect(!output.stdout.contains(value) && !output.stderr.contains(value)) }
            }
        }

        @Test("login with --password-stdin; a wrong password exits 3")
        func login() async throws {
            let server = try await ServerProcess.start()
            defer { server.stop() }
            let first = try CLIHarness(server: server)
            defer { first.remove() }
            let email = try first.register()
            let second = try CLIHarness(server: nil)
            defer { second.remove() }
            let wrong = try second.run("login", server.url, "--email", email, "--password-stdin", stdin: "wrong password\n")
            #expect(wrong.status == 3 && wrong.stderr.hasPrefix("taskflow: "))
            let right = try second.run("login", server.url, "--email", email, "--password-stdin", stdin: "correct horse battery\n")
            #expect(right.status == 0 && right.stdout.contains("Logged in to \(server.url)"))
            // The server given to login becomes the default for later commands.
            #expect(try second.run("whoami").status == 0)
        }

        @Test("ls --all walks every page into one tasks array")
        func listAll() async throws {
            let server = try await ServerProcess.start()
            defer { server.stop() }
            let cli = try CLIHarness(server: server)
            defer { cli.remove() }
            try cli.register()
            for i in 1...105 { try cli.run("add", "Task \(i)") }
            let all = try cli.json(cli.run("ls", "--all", "--json"))
            #expect((all["tasks"] as? [[String: Any]])?.count == 105)
            let page = try cli.json(cli.run("ls", "--json", "--limit", "10", "--page", "11"))
            #expect((page["tasks"] as? [Any])?.count == 5)
            let text = try cli.run("ls", "--all")
            #expect(text.stdout.hasSuffix("105 tasks\n"))
        }

        @Test("TASKFLOW_TOKEN stands in for a stored login")
        func environmentToken() async throws {
            let server = try await ServerProcess.start()
            defer { server.stop() }
            let cli = try CLIHarness(server: server)
            defer { cli.remove() }
            try cli.register(name: "Token User")
            let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cli.credentialsPath))) as? [String: Any]
            let entry = (stored?["servers"] as? [String: [String: Any]])?[server.url]
            let token = try #require(entry?["accessToken"] as? String)

            var scripted = try CLIHarness(server: server)
            defer { scripted.remove() }
            scripted.extraEnvironment["TASKFLOW_TOKEN"] = token
            #expect(try scripted.run("whoami").stdout.hasPrefix("Token User <"))
            scripted.extraEnvironment["TASKFLOW_TOKEN"] = "not-a-token"
            let bad = try scripted.run("ls")
            #expect(bad.status == 3 && bad.stderr.contains("TASKFLOW_TOKEN"))
        }

        @Test("watch --json prints each change as one line")
        func watch() async throws {
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
            #expect(String(decoding: status, as: UTF8.self).contains("# live"))
            let added = try cli.json(cli.run("add", "Watched", "--json"))
            let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
            let firstLine = try #require(line.split(separator: "\n").first, "watch printed nothing")
            let event = try JSONSerialization.jsonObject(with: Data(firstLine.utf8)) as? [String: Any]
            #expect(event?["event"] as? String == "task-created")
            #expect((event?["data"] as? [String: Any])?["id"] as? String == added["id"] as? String)
        }

        @Test("rate limited exits 6 with the wait time")
        func rateLimited() async throws {
            let server = try await ServerProcess.start(["RATE_LIMIT_MAX_REQUESTS": "3", "RATE_LIMIT_WINDOW_MS": "60000"])
            defer { server.stop() }
            let cli = try CLIHarness(server: server)
            defer { cli.remove() }
            try cli.register()
            var last = try cli.run("ls")
            for _ in 0..<4 where last.status == 0 { last = try cli.run("ls") }
            #expect(last.status == 6)
            #expect(last.stderr.contains("Rate limited") && last.stderr.contains("Try again in"))
        }
    }
}
