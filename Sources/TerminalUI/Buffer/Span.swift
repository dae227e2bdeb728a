/// A run of text in one style; a row of a list is an array of spans.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .normal) {
        self.text = text
        self.style = style
    }

    public init(_ text: String, _ role: Role) {
        self.init(text, style: Style(role))
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var width: Int { DisplayWidth.of(text) }
}
