import Foundation
import Hummingbird

/// The global limit on `/api`: `limit` requests per window, keyed by user when the token is
/// valid, else by client address. Every `/api` answer says where the client stands; 304s
/// are given back, so polling with ETags costs nothing, and CORS preflights are not counted.
struct RateLimitMiddleware: RouterMiddleware {
    let store: any RateLimitStore
    let limit: Int
    let window: Int
    let clock: any ServerClock

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let key: String
        if case .user(let id) = context.identity { key = "user:" + id } else { key = "addr:" + context.clientAddress }
        let now = clock.now
        let state: WindowCount
        do {
            // A browser's preflight is not the client's request: it is told where it
            // stands but costs nothing.
            state = context.isPreflight
                ? try await store.peek(key: key, window: window, now: now)
                : try await store.hit(key: key, window: window, now: now)
        } catch let error as StorageError where error.isUnavailable {
            // Shared counters live in the database; without it, answer 503 like any other call.
            return APIError.unavailable.response()
        }
        let reset = state.secondsUntilReset(from: now)
        var response: Response
        var remaining = max(0, limit - state.count)
        // Over the limit, the request itself gets the 429 (readable by the page's script);
        // a refused preflight would only show as a network error.
        if state.count > limit, !context.isPreflight {
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
