/// How a cell should look, in semantic terms: the role whose foreground colour the text
/// takes, the role whose background it sits on, and extra attributes.
///
/// Keeping the two roles separate lets a red "high priority" mark sit on the highlighted
/// background of the selected row: `Style(.priorityHigh).on(.listSelected)`.
public struct Style: Hashable, Sendable {
    public var foreground: Role
    public var background: Role
    public var attributes: Attributes

    public init(foreground: Role, background: Role, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// Both colours from `role`.
    public init(_ role: Role = .normal, attributes: Attributes = []) {
        self.init(foreground: role, background: role, attributes: attributes)
    }

    public static let normal = Style()

    /// The same text colour on the background of `role`.
    public func on(_ role: Role) -> Style {
        Style(foreground: foreground, background: role, attributes: attributes)
    }

    /// This style with `extra` attributes added.
    public func adding(_ extra: Attributes) -> Style {
        Style(foreground: foreground, background: background, attributes: attributes.union(extra))
    }
}
