/// A `Style` after a theme has decided its colours: what a backend actually emits.
public struct ResolvedStyle: Hashable, Sendable, CustomStringConvertible {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: Attributes

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public var description: String { "fg=\(foreground) bg=\(background) attrs=\(attributes)" }
}
