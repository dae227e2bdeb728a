import Hummingbird
import NIOCore

/// Per-request state: who is asking (if anyone), from where, under which request id.
public struct AppRequestContext: RequestContext {
    public enum Identity: Sendable, Equatable {
        case anonymous
        case user(String)
        case rejected(TokenService.Failure)
    }

    public var coreContext: CoreRequestContextStorage
    public let peerAddress: SocketAddress?
    public var identity: Identity = .anonymous
    public var requestID = ""
    /// The address rate limits and login throttling are keyed by (see `ClientAddress`).
    public var clientAddress = "unknown"
    /// A CORS preflight from an allowed origin: it passes identity and rate limiting (for
    /// the RateLimit headers, without counting) and is answered by `PreflightMiddleware`.
    public var isPreflight = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress
    }

    /// Bodies are read with the contract's own limit so the answer is our 413.
    public var maxUploadSize: Int { 1 << 20 }

    /// The signed-in user, or the contract's 401.
    public func requireUser() throws(APIError) -> String {
        switch identity {
        case .user(let id): return id
        case .rejected(.expired): throw .tokenExpired
        case .rejected(.invalid): throw .unauthorized("access token is invalid")
        case .anonymous: throw .unauthorized("missing Authorization: Bearer <accessToken>")
        }
    }
}
