import HTTPTypes
import Hummingbird

/// Wraps the router so that it resolves the canonical spelling of every path.
/// Hummingbird resolves the route before any middleware runs (the router skips empty
/// segments, so `//api/v1/tasks` reaches the tasks route), so the rewrite has to happen
/// here, in front of it, for the middleware to see the path the router served.
struct CanonicalPathRouter<Inner: HTTPResponderBuilder>: HTTPResponderBuilder {
    let inner: Inner

    func buildResponder() -> CanonicalPathResponder<Inner.Responder> {
        CanonicalPathResponder(inner: inner.buildResponder())
    }
}

struct CanonicalPathResponder<Inner: HTTPResponder>: HTTPResponder {
    typealias Context = Inner.Context
    let inner: Inner

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        let canonical = CanonicalPath.of(path)
        guard canonical != path else { return try await inner.respond(to: request, context: context) }
        var head = request.head
        head.path = canonical + (request.uri.query.map { "?" + $0 } ?? "")
        return try await inner.respond(to: Request(head: head, body: request.body), context: context)
    }
}
