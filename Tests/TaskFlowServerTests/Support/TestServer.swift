import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TaskFlowCore
@testable import TaskFlowServer
import TaskFlowTestSupport

/// A real server on a fresh SQLite file in a temporary directory. bcrypt runs at cost 4
/// here (the hash format and checks are the same; cost 12 would make every register
/// take a quarter of a second).
enum TestServer {
    static func configuration(_ configure: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskflow-tests-\(UUID().uuidString)")
        var configuration = ServerConfiguration()
        configuration.databaseURL = "sqlite:" + directory.appendingPathComponent("db.sqlite").path
        configuration.port = 0
        configuration.bcryptCost = 4
        configuration.accessLog = false
        configure(&configuration)
        return configuration
    }

    static func services(
        _ configure: (inout ServerConfiguration) -> Void = { _ in }, clock: any ServerClock = SystemClock()
    ) async throws -> ServerServices {
        try await ServerServices(configuration: configuration(configure), clock: clock)
    }

    static func app(_ services: ServerServices) -> some ApplicationProtocol {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return buildApplication(services: services, logger: logger)
    }

    /// Runs `test` against the router of a new server.
    static func withRouter(
        _ configure: (inout ServerConfiguration) -> Void = { _ in }, clock: any ServerClock = SystemClock(),
        _ test: @escaping @Sendable (any TestClientProtocol, ServerServices) async throws -> Void
    ) async throws {
        let services = try await services(configure, clock: clock)
        defer { removeDatabase(of: services.configuration) }
        try await app(services).test(.router) { client in try await test(client, services) }
    }

    /// Deletes the temporary directory of a test database made by `configuration(_:)`.
    static func removeDatabase(of configuration: ServerConfiguration) {
        guard configuration.databaseURL.hasPrefix("sqlite:"), configuration.databaseURL.contains("/taskflow-tests-") else { return }
        let file = URL(fileURLWithPath: String(configuration.databaseURL.dropFirst("sqlite:".count)))
        try? FileManager.default.removeItem(at: file.deletingLastPathComponent())
    }
}

/// Requests the way a client of the API makes them.
extension TestClientProtocol {
    @discardableResult
    func json(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// Registers a user and returns the answer (tokens and user).
    func register(name: String = "Ann", email: String = "ann@example.com", password: String = "correct horse") async throws -> AuthResponse {
        let response = try await json(
            .post, "/api/v1/auth/register", body: #"{"name":"\#(name)","email":"\#(email)","password":"\#(password)"}"#)
        guard response.status == .created else {
            throw SupportError("register answered \(response.status): \(String(buffer: response.body))")
        }
        return try response.decode(AuthResponse.self)
    }

    /// Creates a task from a JSON body and returns it.
    func createTask(_ body: String, token: String) async throws -> TaskItem {
        let response = try await json(.post, "/api/v1/tasks", token: token, body: body)
        guard response.status == .created else {
            throw SupportError("create answered \(response.status): \(String(buffer: response.body))")
        }
        return try response.decode(TaskItem.self)
    }
}

extension TestResponse {
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try TaskFlowJSON.decode(type, from: Data(buffer: body))
    }

    /// The contract's error body.
    var error: ErrorBody.Payload? { try? decode(ErrorBody.self).error }

    var text: String { String(buffer: body) }
}

