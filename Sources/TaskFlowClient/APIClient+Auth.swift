import Foundation
import TaskFlowCore

extension APIClient {
    /// `POST /auth/register`; the new session is stored.
    @discardableResult
    public func register(name: String, email: String, password: String) async throws -> APIResponse<AuthResponse> {
        let body = try TaskFlowJSON.encode(RegisterRequest(name: name, email: email, password: password))
        let response = try await perform(Call(method: .post, path: "/auth/register", body: body, authenticated: false), as: AuthResponse.self)!
        try await session.signIn(response.value)
        return response
    }

    /// `POST /auth/login`; the new session is stored.
    @discardableResult
    public func login(email: String, password: String) async throws -> APIResponse<AuthResponse> {
        let body = try TaskFlowJSON.encode(LoginRequest(email: email, password: password))
        let response = try await perform(Call(method: .post, path: "/auth/login", body: body, authenticated: false), as: AuthResponse.self)!
        try await session.signIn(response.value)
        return response
    }

    /// Forgets the local session, then revokes it on the server (`POST /auth/logout`).
    /// The local copy is gone even when the server cannot be reached; the error says so.
    public func logout() async throws {
        let refreshToken = await session.refreshToken
        try await session.signOut()
        guard let refreshToken else { return }
        let body = try TaskFlowJSON.encode(RefreshRequest(refreshToken: refreshToken))
        _ = try await perform(Call(method: .post, path: "/auth/logout", body: body, authenticated: false)) { _ in NoContent() }
    }

    /// `GET /auth/me`.
    public func me() async throws -> APIResponse<User> {
        let response = try await perform(Call(method: .get, path: "/auth/me"), as: MeResponse.self)!
        return APIResponse(value: response.value.user, body: response.body, status: response.status, etag: response.etag,
                           requestID: response.requestID, rateLimit: response.rateLimit)
    }
}
