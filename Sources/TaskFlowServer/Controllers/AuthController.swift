import Foundation
import Hummingbird
import TaskFlowCore

/// `/api/v1/auth/*`: register, login, refresh, logout, me.
struct AuthController<Store: UserRepository & SessionRepository>: Sendable {
    let service: AuthService<Store>

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("register", use: register)
        group.post("login", use: login)
        group.post("refresh", use: refresh)
        group.post("logout", use: logout)
        group.get("me", use: me)
    }

    /// Token answers must never be cached by anything between us and the client.
    private static var noStore: HTTPFields { [.cacheControl: "no-store"] }

    @Sendable func register(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try RequestBody.decode(RegisterRequest.self, from: try await RequestBody.data(request, context: context))
        return try JSONResponse.make(try await service.register(input), status: .created, headers: Self.noStore)
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try RequestBody.decode(LoginRequest.self, from: try await RequestBody.data(request, context: context))
        let answer = try await service.login(input, clientAddress: context.clientAddress)
        return try JSONResponse.make(answer, headers: Self.noStore)
    }

    @Sendable func refresh(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try RequestBody.decode(RefreshRequest.self, from: try await RequestBody.data(request, context: context))
        return try JSONResponse.make(try await service.refresh(input.refreshToken), headers: Self.noStore)
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try RequestBody.decode(RefreshRequest.self, from: try await RequestBody.data(request, context: context))
        try await service.logout(input.refreshToken)
        return Response(status: .noContent)
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        // A valid token for an account that no longer exists is as good as no token.
        guard let user = try await service.store.user(id: userID) else { throw APIError.unauthorized("account no longer exists") }
        return try JSONResponse.make(MeResponse(user: user), headers: Self.noStore)
    }
}
