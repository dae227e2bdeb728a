import Hummingbird

/// Answers the CORS preflights that `AllowListCORSMiddleware` let through (204, no body),
/// after identity and rate limiting have added their headers; no route handles OPTIONS.
struct PreflightMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        guard context.isPreflight else { return try await next(request, context) }
        return Response(status: .noContent)
    }
}
