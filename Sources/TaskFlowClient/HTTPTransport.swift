/// Sends HTTP requests. `CurlTransport` is the real one; `InMemoryTransport` answers from
/// a closure for unit tests.
///
/// Implementations throw `ClientError` (a transport kind) when no answer arrived; any
/// answer that did arrive, whatever its status, is returned.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
