import Foundation
import Hummingbird

/// The global limit on `/api`: `limit` requests per window, keyed by user when the token is
/// valid, else by client address. Every `/api` answer says where the client stands; 304s
/// are given back, so polling with ETags costs nothing.
struct RateLimitMiddleware: RouterMiddleware {
    let store: any RateLimitStore
    let limit: Int
    let window: Int

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let key: String
        if case .user(let id) = context.identity { key = "user:" + id } else { key = "addr:" + context.clientAddress }
        let now = Date()
        let state: WindowCount
        do {
            state = try await store.hit(key: key, window: window, now: now)
        } catch let error as StorageError where error.isUnavailable {
            // Shared counters live in the database; without it, answer 503 like any other call.
            return APIError.unavailable.response()
        }
        let reset = state.secondsUntilReset(from: now)
        var response: Response
        var remaining = max(0, limit - state.count)
        if state.count > limit {
            response = APIError.rateLimited(
                "too many requests: \(limit) per \(window) seconds; retry in \(reset) seconds", retryAfter: reset
            ).response()
        } else {
            response = try await next(request, context)
            if response.status == .notModified {
                try? await store.refund(key: key, window: window, now: now)
                remaining += 1
            }
        }
        response.headers[.rateLimitLimit] = String(limit)
        response.headers[.rateLimitRemaining] = String(remaining)
        response.headers[.rateLimitReset] = String(reset)
        response.headers[.rateLimitPolicy] = "\(limit);w=\(window)"
        return response
    }
}
