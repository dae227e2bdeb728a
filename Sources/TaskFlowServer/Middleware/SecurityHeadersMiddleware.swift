import HTTPTypes
import Hummingbird

/// Headers that keep browsers from misusing answers; HSTS only when served in production
/// (behind TLS), since a plain-HTTP development server must stay reachable.
struct SecurityHeadersMiddleware: RouterMiddleware {
    let production: Bool

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for header in Self.headers(production: production) { response.headers[header.name] = header.value }
        return response
    }
}

extension SecurityHeadersMiddleware {
    /// On every answer, also those the connection guard writes itself.
    static func headers(production: Bool) -> [(name: HTTPField.Name, value: String)] {
        production ? productionHeaders : developmentHeaders
    }

    private static let developmentHeaders: [(name: HTTPField.Name, value: String)] = [
        (.xContentTypeOptions, "nosniff"),
        (.xFrameOptions, "DENY"),
        (.referrerPolicy, "no-referrer"),
        (.contentSecurityPolicy, "default-src 'none'; frame-ancestors 'none'"),
    ]
    private static let productionHeaders = developmentHeaders + [(.strictTransportSecurity, "max-age=31536000; includeSubDomains")]
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
