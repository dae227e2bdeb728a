import Foundation
import HummingbirdTesting
@testable import TaskFlowServer

/// A server on a loopback port for raw-socket tests: `test` gets the port and the client.
func withLiveServer(
    _ configure: (inout ServerConfiguration) -> Void = { _ in },
    _ test: @escaping @Sendable (Int, any TestClientProtocol) async throws -> Void
) async throws {
    let services = try await TestServer.services(configure)
    defer { TestServer.removeDatabase(of: services.configuration) }
    try await TestServer.app(services).test(.live) { client in try await test(client.port!, client) }
}
