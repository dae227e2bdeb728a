import Foundation
import Hummingbird
import TaskFlowCore
import TaskFlowServer

// taskflow-server: configuration from the environment, then serve until SIGTERM/SIGINT.

let arguments = CommandLine.arguments.dropFirst()
if arguments.contains("--help") || arguments.contains("-h") {
    print(ServerConfiguration.usage)
    exit(0)
}
if arguments.contains("--version") {
    print(TaskFlowVersion.line(for: "taskflow-server"))
    exit(0)
}
if let unknown = arguments.first {
    FileHandle.standardError.write(Data("taskflow-server: unknown argument \(unknown); see --help\n".utf8))
    exit(64)
}

let configuration: ServerConfiguration
do {
    configuration = try ServerConfiguration.fromEnvironment()
} catch {
    FileHandle.standardError.write(Data("taskflow-server: \(error)\n".utf8))
    exit(78)  // EX_CONFIG
}

let logger = makeServerLogger(configuration: configuration)
do {
    let services = try await ServerServices(configuration: configuration)
    var restoreUmask: @Sendable () -> Void = {}
    if let path = configuration.unixSocketPath {
        try UnixSocketPlace.prepare(path)
        restoreUmask = UnixSocketPlace.privateUmask()
    }
    let app = buildApplication(services: services, logger: logger) { [restoreUmask] _ in restoreUmask() }
    let runner = ServerRunner(app: app, services: services, logger: logger)
    if let seconds = configuration.idleExitAfterSeconds {
        Task {
            try await IdleExit(services: services, limit: .seconds(seconds)).wait()
            logger.info("no request for \(seconds) s and no open socket (IDLE_EXIT_AFTER): shutting down")
            runner.stop()
        }
    }
    try await runner.run()
    // NIO leaves the socket file behind; a later client would take it for a live server.
    if let path = configuration.unixSocketPath { unlink(path) }
} catch let error as ConfigurationError {
    FileHandle.standardError.write(Data("taskflow-server: \(error)\n".utf8))
    exit(78)
} catch {
    logger.critical("server stopped", metadata: ["error": .string("\(error)")])
    exit(1)
}
