import Foundation
import Hummingbird
import Logging
import TaskFlowServer

/// The server library running inside this process on an ephemeral loopback port, for
/// local mode and `--demo`: same HTTP API, same live channel, no rate limit, no logs.
struct EmbeddedServer: Sendable {
    let services: ServerServices
    let port: Int
    private let stopServer: @Sendable () -> Void
    private let running: Task<Void, Never>

    var address: String { "http://127.0.0.1:\(port)" }

    static func start(databasePath: String, bcryptCost: UInt8 = 12) async throws -> EmbeddedServer {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.databaseURL = "sqlite:" + databasePath
        configuration.rateLimitMaxRequests = 0
        configuration.accessLog = false
        configuration.bcryptCost = bcryptCost
        configuration.logLevel = "critical"
        var logger = Logger(label: "taskflow.local") { _ in SwiftLogNoOpLogHandler() }
        logger.logLevel = .critical
        let services = try await ServerServices(configuration: configuration)
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = buildApplication(services: services, logger: logger) { channel in
            portContinuation.yield(channel.localAddress?.port ?? 0)
            portContinuation.finish()
        }
        let runner = ServerRunner(app: app, services: services, logger: logger)
        let running = Task {
            do { try await runner.run(trapSignals: false) } catch { portContinuation.finish() }
        }
        var port = 0
        for await reported in ports { port = reported }
        guard port > 0 else { throw LocalModeError("the local server did not start") }
        return EmbeddedServer(services: services, port: port, stopServer: { runner.stop() }, running: running)
    }

    /// Closes live sockets and stops serving; gives up waiting after a second, since the
    /// process is about to exit anyway.
    func stop() async {
        stopServer()
        let running = self.running
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await running.value }
            group.addTask { try? await Task.sleep(for: .seconds(1)) }
            await group.next()
            group.cancelAll()
        }
    }
}
