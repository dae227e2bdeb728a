import Foundation
import Hummingbird
import TaskFlowServer

// taskflow-server: configuration from the environment, then serve until SIGTERM/SIGINT.

let arguments = CommandLine.arguments.dropFirst()
if arguments.contains("--help") || arguments.contains("-h") {
    print("""
        usage: taskflow-server [--help] [--version]

        Serves the TaskFlow REST API and live updates. Configured by the environment:
        PORT, HOST, DATABASE_URL, JWT_SECRET, JWT_EXPIRES_IN, REFRESH_EXPIRES_IN, FRONTEND_URL,
        RATE_LIMIT_WINDOW_MS, RATE_LIMIT_MAX_REQUESTS, TRUSTED_PROXIES, IDLE_TIMEOUT_MS, METRICS_TOKEN,
        LOG_LEVEL, TASKFLOW_ENV.
        See taskflow-server(8).
        """)
    exit(0)
}
if arguments.contains("--version") {
    print("taskflow-server \(TaskFlowServerVersion.current)")
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
    let app = buildApplication(services: services, logger: logger)
    try await ServerRunner(app: app, services: services, logger: logger).run()
} catch let error as ConfigurationError {
    FileHandle.standardError.write(Data("taskflow-server: \(error)\n".utf8))
    exit(78)
} catch {
    logger.critical("server stopped", metadata: ["error": .string("\(error)")])
    exit(1)
}
