import Foundation

/// A decoded answer with what came with it: the exact body (for `--json`), the ETag for
/// conditional requests, the request id, and the rate-limit budget.
public struct APIResponse<Value: Sendable>: Sendable {
    public var value: Value
    /// The body exactly as the server sent it.
    public var body: Data
    public var status: Int
    public var etag: String?
    public var requestID: String?
    public var rateLimit: RateLimitStatus?
}

/// The value of answers without a body (204).
public struct NoContent: Sendable, Equatable {}
