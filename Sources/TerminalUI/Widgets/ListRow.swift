/// One row of a `ListView`: spans from the left, and optional spans kept flush right (a
/// due date) that stay visible while the left part is truncated with `…`.
public struct ListRow: Hashable, Sendable {
    public var spans: [Span]
    public var trailing: [Span]

    public init(_ spans: [Span], trailing: [Span] = []) {
        self.spans = spans
        self.trailing = trailing
    }
}
