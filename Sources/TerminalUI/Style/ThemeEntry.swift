/// How one role looks: colours for 256- and 8-colour terminals, and attributes that apply
/// in every mode (so a role can stand out even where colour is unavailable).
public struct ThemeEntry: Hashable, Sendable {
    public var foreground256: TerminalColor
    public var background256: TerminalColor
    public var foreground8: TerminalColor
    public var background8: TerminalColor
    public var attributes: Attributes

    public init(
        foreground256: TerminalColor = .default, background256: TerminalColor = .default,
        foreground8: TerminalColor = .default, background8: TerminalColor = .default,
        attributes: Attributes = []
    ) {
        self.foreground256 = foreground256
        self.background256 = background256
        self.foreground8 = foreground8
        self.background8 = background8
        self.attributes = attributes
    }

    /// An entry with only attributes, as in the mono theme.
    public static func attributes(_ attributes: Attributes) -> ThemeEntry { ThemeEntry(attributes: attributes) }

    public static let plain = ThemeEntry()

    var hasColor: Bool {
        foreground256 != .default || background256 != .default || foreground8 != .default || background8 != .default
    }
}
