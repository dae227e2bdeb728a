import Hummingbird
import Logging

/// Turns every thrown error into the contract's error shape, so the middleware outside it
/// (logging, metrics, rate-limit headers) always sees a response. Unknown errors are logged
/// here, with the request id, and answered with a 500 that reveals nothing.
struct ErrorMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": .string(String(reflecting: type(of: error)))])
            }
            return apiError.response()
        }
    }
}
