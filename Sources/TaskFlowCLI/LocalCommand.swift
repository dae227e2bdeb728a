import ArgumentParser
import Foundation
import TaskFlowClient

/// `taskflow local status|stop`: the private server that local mode starts on demand.
struct LocalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "See or stop your private server (local mode).",
        discussion: """
            With no server configured, every taskflow command uses a private taskflow-server on a \
            Unix socket, started on demand; it exits by itself after 10 minutes with nothing to do. \
            Files: see taskflow(1), LOCAL MODE.
            """,
        subcommands: [LocalStatusCommand.self, LocalStopCommand.self],
        defaultSubcommand: LocalStatusCommand.self
    )
}

struct LocalStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show whether the private server runs: pid, socket, database, uptime.")

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let server = PrivateServer(files: .standard(environment: environment), environment: environment)
        guard let status = server.status() else {
            print("not running (socket \(server.files.socket); database \(server.files.database.path))")
            return
        }
        let uptime = status.startedAt.map { Self.describe(Date().timeIntervalSince($0)) } ?? "unknown"
        print("""
            running
            pid       \(status.pid.map(String.init) ?? "unknown")
            socket    \(server.files.socket)
            database  \(server.files.database.path)
            log       \(server.files.log)
            uptime    \(uptime)
            """)
    }

    static func describe(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds))
        return total >= 3600 ? "\(total / 3600)h \(total % 3600 / 60)m" : total >= 60 ? "\(total / 60)m \(total % 60)s" : "\(total)s"
    }
}

struct LocalStopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop the private server (the next command starts it again).")

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let server = PrivateServer(files: .standard(environment: environment), environment: environment)
        try await CommandRunner.run {
            print(try server.stop() ? "stopped" : "not running")
        }
    }
}
