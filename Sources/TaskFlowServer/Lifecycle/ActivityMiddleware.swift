import Hummingbird

/// Marks every request as activity for `ServerActivity`.
struct ActivityMiddleware: RouterMiddleware {
    let activity: ServerActivity

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        activity.begin()
        defer { activity.end() }
        return try await next(request, context)
    }
}
