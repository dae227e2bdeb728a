import HTTPTypes
import Hummingbird

/// A method that a known path does not serve gets 405 with `Allow`; an unknown path stays
/// 404 (API.md, "Operations"). Added to the router after every route, so it wraps only the
/// router's not-found responder: it never runs for a request a route serves.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    private let methodsByPattern: [RoutePattern: Set<String>]

    init(routes: [Router<AppRequestContext>.RouteDescription]) {
        var table: [RoutePattern: Set<String>] = [:]
        for route in routes {
            table[RoutePattern(route.path.description), default: []].insert(route.method.rawValue)
        }
        // The router answers HEAD wherever it answers GET (`autoGenerateHeadEndpoints`).
        for (pattern, methods) in table where methods.contains("GET") { table[pattern]?.insert("HEAD") }
        methodsByPattern = table
    }

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        guard let allowed = allowedMethods(path: request.uri.path) else { return try await next(request, context) }
        return APIError.methodNotAllowed(allowed).response()
    }

    /// The methods of the route the router would pick for this path, or nil if none would.
    func allowedMethods(path: String) -> [String]? {
        let matching = methodsByPattern.filter { $0.key.matches(path) }
        guard let best = matching.max(by: { $1.key.isMoreSpecific(than: $0.key) }) else { return nil }
        return best.value.sorted()
    }
}
