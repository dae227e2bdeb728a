import Foundation
import Testing
import TaskFlowTestSupport

extension CLIProcessTests {
    /// Bad input and broken surroundings: one line on stderr that says what to do, the
    /// documented exit code, and nothing written half-way.
    @Suite("taskflow failures")
    struct CLIFailureTests {
        @Test("usage errors exit 64", arguments: [
            ["ls", "--limit", "500"], ["ls", "--status", "soon"], ["ls", "--sort", "colour"], ["ls", "--due-before", "someday"],
            ["add", "   "], ["add", "x", "--due", "whenever"], ["add", "x", "--priority", "urgent"], ["edit", "abc"],
            ["ls", "--server", "ftp://example.com"], ["completions", "tcsh"],
        ])
        func usage(arguments: [String]) throws {
            let cli = try CLIHarness(server: nil)
            defer { cli.remove() }
            let result = try cli.run(arguments: arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.isEmpty && result.stdout.isEmpty)
        }

        @Test("a dead server exits 5 and names it")
        func deadServer() throws {
            let cli = try CLIHarness(server: nil)
            defer { cli.remove() }
            let port = FreePort.next()
            let result = try cli.run("login", "http://127.0.0.1:\(port)", "--email", "a@b.co", "--password-stdin", stdin: "password123\n")
            #expect(result.status == 5)
            #expect(result.stderr == "taskflow: Could not connect to http://127.0.0.1:\(port): connection refused. Is the server running? Check --server or TASKFLOW_SERVER.\n")
            #expect(!FileManager.default.fileExists(atPath: cli.credentialsPath))
        }

        @Test("a web server that is not TaskFlow is named as such")
        func wrongServer() throws {
            let peer = try PythonPeer(script: "http_peer.py", requires: [:])
            defer { peer.stop() }
            let cli = try CLIHarness(server: nil)
            defer { cli.remove() }
            let result = try cli.run("login", "http://127.0.0.1:\(peer.port)", "--email", "a@b.co", "--password-stdin", stdin: "password123\n")
            #expect(result.status == 1)
            #expect(result.stderr.contains("an HTML page instead of JSON") && result.stderr.contains("right server address"))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }

        @Test("a credentials file others can read is refused with the fix")
        func readableCredentials() async throws {
            let server = try await ServerProcess.start()
            defer { server.stop() }
            let cli = try CLIHarness(server: server)
            defer { cli.remove() }
            try cli.register()
            chmod(cli.credentialsPath, 0o644)
            let result = try cli.run("ls")
            #expect(result.status == 1)
            #expect(result.stderr.contains("chmod 600 \(cli.credentialsPath)"))
        }

        @Test("a damaged credentials file is reported and left alone")
        func corruptCredentials() throws {
            let cli = try CLIHarness(server: nil)
            defer { cli.remove() }
            try FileManager.default.createDirectory(atPath: cli.home.path + "/config/taskflow", withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: cli.credentialsPath, contents: Data("{garbage".utf8), attributes: [.posixPermissions: 0o600])
            let result = try cli.run("ls")
            #expect(result.status == 1)
            #expect(result.stderr.contains("is damaged") && result.stderr.contains("taskflow login"))
            #expect(try String(contentsOfFile: cli.credentialsPath, encoding: .utf8) == "{garbage")
        }

        @Test("help for every command, and completion scripts")
        func helpAndCompletions() throws {
            let cli = try CLIHarness(server: nil)
            defer { cli.remove() }
            for command in ["login", "register", "logout", "whoami", "ls", "show", "add", "edit", "done", "start", "rm", "stats", "watch", "completions"] {
                let help = try cli.run(command, "--help")
                #expect(help.status == 0 && help.stdout.contains("USAGE: taskflow \(command)"), "\(command)")
                #expect(help.stdout.contains("--server") || command == "completions")
            }
            #expect(try cli.run("--help").stdout.contains("EXIT CODES"))
            let bash = try cli.run("completions", "bash").stdout
            #expect(bash.contains("_taskflow"))
            #expect(bash.contains("_taskflow_ui()") && bash.contains("_taskflow_themes()"), "the executable's own commands are completed too")
            #expect(try cli.run("completions", "zsh").stdout.contains("#compdef taskflow"))
            #expect(try cli.run("completions", "fish").stdout.contains("complete -c 'taskflow'"))
        }
    }
}
