import HTTPTypes
import Hummingbird

/// Reads the bearer token, if any, so rate limits can be keyed by user. Rejecting is
/// left to the routes that need a user (`AppRequestContext.requireUser`).
struct IdentityMiddleware: RouterMiddleware {
    let tokens: TokenService
    let accounts: AccountCheck
    let clientAddress: ClientAddress

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        context.clientAddress = clientAddress.resolve(peer: context.peerAddress, forwardedFor: request.headers[.forwardedFor])
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                do {
                    let userID = try await tokens.verify(String(parts[1]))
                    // When the database cannot answer, the route meets the same failure (503).
                    let exists = (try? await accounts.exists(userID)) ?? true
                    context.identity = exists ? .user(userID) : .rejected(.invalid)
                } catch {
                    context.identity = .rejected(error)
                }
            } else {
                context.identity = .rejected(.invalid)
            }
        }
        return try await next(request, context)
    }
}
