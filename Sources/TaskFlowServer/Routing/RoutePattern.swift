/// A route path as the router holds it (`/api/v1/tasks/:id`, or `{id}`), matched against a
/// canonical request path the way the router's trie does: one segment per component,
/// `:name` matching any one segment, empty segments ignored.
struct RoutePattern: Hashable, Sendable {
    /// nil for a `:name` capture.
    let components: [String?]

    init(_ path: String) {
        components = path.split(separator: "/").map { $0.hasPrefix(":") || $0.hasPrefix("{") ? nil : String($0) }
    }

    func matches(_ path: String) -> Bool {
        let segments = path.split(separator: "/")
        guard segments.count == components.count else { return false }
        return zip(components, segments).allSatisfy { component, segment in component.map { $0 == segment } ?? true }
    }

    /// The trie prefers a literal segment to a capture, leftmost first: `/tasks/stats`
    /// is the stats route even though `/tasks/:id` also matches it.
    func isMoreSpecific(than other: RoutePattern) -> Bool {
        for (mine, theirs) in zip(components, other.components) where (mine == nil) != (theirs == nil) {
            return mine != nil
        }
        return false
    }
}
