import Foundation
import Synchronization

/// A transport that answers from a closure and records every request, for unit tests of
/// code above the wire.
public final class InMemoryTransport: HTTPTransport {
    public typealias Handler = @Sendable (HTTPRequest) async throws -> HTTPResponse

    private let handler: Handler
    private let log = Mutex<[HTTPRequest]>([])

    public init(_ handler: @escaping Handler) { self.handler = handler }

    public var requests: [HTTPRequest] { log.withLock { $0 } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        log.withLock { $0.append(request) }
        return try await handler(request)
    }
}
