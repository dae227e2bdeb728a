import Foundation
import Synchronization
import TaskFlowCore

/// The typed TaskFlow API (`API.md`). Every call is `async` and does its I/O off the
/// caller's thread. Expired access tokens are renewed once, transparently; 429 answers are
/// waited out when `retryPolicy` allows and the request is safe to repeat.
public final class APIClient: Sendable {
    public let session: Session
    public var server: ServerAddress { session.server }
    public let retryPolicy: RetryPolicy
    let transport: any HTTPTransport
    private let now: @Sendable () -> Date
    private let sleep: @Sendable (Duration) async throws -> Void
    private let latestRateLimit = Mutex<RateLimitStatus?>(nil)

    public init(
        session: Session, transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .never,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.session = session
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.now = now
        self.sleep = sleep
    }

    /// The budget from the latest answer that carried `RateLimit-*` headers.
    public var rateLimit: RateLimitStatus? { latestRateLimit.withLock { $0 } }

    // MARK: the shared request path

    struct Call {
        var method: HTTPRequest.Method
        var path: String
        var query: [URLQueryItem] = []
        var body: Data?
        var headers = HTTPHeaders()
        var authenticated = true

        /// Safe to send twice: idempotent, or a POST the server deduplicates by key.
        var isRepeatable: Bool { method.isIdempotent || headers["Idempotency-Key"] != nil }
    }

    /// Sends `call`; nil means 304 Not Modified.
    func perform<Value: Decodable & Sendable>(_ call: Call, as type: Value.Type) async throws -> APIResponse<Value>? {
        try await perform(call) { try TaskFlowJSON.decode(Value.self, from: $0) }
    }

    func perform<Value: Sendable>(_ call: Call, decode: (Data) throws -> Value) async throws -> APIResponse<Value>? {
        var token = call.authenticated ? try await session.accessToken() : nil
        var renewed = false
        var rateLimitRetries = 0
        while true {
            let response = try await transport.send(request(for: call, token: token))
            let limits = RateLimitStatus(headers: response.headers, at: now())
            if let limits { latestRateLimit.withLock { $0 = limits } }
            if response.status == 304 { return nil }
            if response.isSuccess {
                let value = try decodeBody(response, url: call.path, decode: decode)
                return APIResponse(value: value, body: response.body, status: response.status, etag: response.headers["ETag"],
                                   requestID: response.headers["X-Request-Id"], rateLimit: limits)
            }
            let error = try apiError(from: response)
            if error.isTokenExpired, let rejected = token, !renewed {
                renewed = true
                token = try await session.renewedAccessToken(replacing: rejected) { [self] refreshToken in
                    try await exchange(refreshToken)
                }
                continue
            }
            if error.code == "unauthorized", call.authenticated {
                throw await session.usesEnvironmentToken
                    ? ClientError(.environmentTokenRejected) : ClientError(.sessionEnded(server: server.description))
            }
            if response.status == 429, call.isRepeatable, rateLimitRetries < 3,
               let wait = error.retryAfter, retryPolicy.allowsWait(of: wait) {
                rateLimitRetries += 1
                try await sleep(.seconds(max(wait, 1)))
                continue
            }
            throw error
        }
    }

    /// `POST /auth/refresh`: a spent or revoked refresh token means the login is over.
    func exchange(_ refreshToken: String) async throws -> TokenPair {
        let call = Call(method: .post, path: "/auth/refresh", body: try TaskFlowJSON.encode(RefreshRequest(refreshToken: refreshToken)),
                        authenticated: false)
        do {
            return try await perform(call, as: TokenPair.self)!.value
        } catch let error as ClientError where error.status == 401 {
            throw ClientError(.sessionEnded(server: server.description))
        }
    }

    private func request(for call: Call, token: String?) -> HTTPRequest {
        var headers = call.headers
        headers["Accept"] = "application/json"
        if call.body != nil { headers["Content-Type"] = "application/json" }
        if let token { headers["Authorization"] = "Bearer \(token)" }
        return HTTPRequest(method: call.method, url: server.apiURL(call.path, query: call.query), headers: headers, body: call.body,
                           unixSocketPath: server.unixSocketPath)
    }

    private func decodeBody<Value>(_ response: HTTPResponse, url: String, decode: (Data) throws -> Value) throws -> Value {
        do {
            return try decode(response.body)
        } catch {
            throw ClientError(.unexpectedResponse(server: server.description, status: response.status,
                                                  detail: Self.describe(body: response.body, headers: response.headers)))
        }
    }

    private func apiError(from response: HTTPResponse) throws -> ClientError {
        guard let body = try? TaskFlowJSON.decode(ErrorBody.self, from: response.body) else {
            throw ClientError(.unexpectedResponse(server: server.description, status: response.status,
                                                  detail: Self.describe(body: response.body, headers: response.headers)))
        }
        let retryAfter = response.headers["Retry-After"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return ClientError.api(status: response.status, body: body, retryAfter: retryAfter)
    }

    /// A few words on what an unusable body looks like, for the error message.
    static func describe(body: Data, headers: HTTPHeaders) -> String {
        let type = headers["Content-Type"]?.lowercased() ?? ""
        let start = body.prefix(64).drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if type.contains("html") || start.first == UInt8(ascii: "<") { return "an HTML page instead of JSON" }
        if body.isEmpty { return "an empty body" }
        if start.first == UInt8(ascii: "{") || start.first == UInt8(ascii: "[") { return "incomplete or malformed JSON" }
        return "a body that is not JSON"
    }
}
