/// Maps roles to looks. A theme file parser builds one with `init(name:entries:)` or by
/// assigning entries through the subscript; roles it does not mention look like `.normal`.
public struct Theme: Sendable {
    public var name: String
    private var entries: [Role: ThemeEntry]

    public init(name: String, entries: [Role: ThemeEntry] = [:]) {
        self.name = name
        self.entries = entries
    }

    public subscript(role: Role) -> ThemeEntry {
        get { entries[role] ?? entries[.normal] ?? .plain }
        set { entries[role] = newValue }
    }

    /// True when the theme uses attributes only.
    public var isMonochrome: Bool { !entries.values.contains(where: \.hasColor) }

    /// The colours and attributes to emit for `style` on a terminal in `mode`. Without
    /// colour a colour theme cannot show selection or priority, so `.none` resolves
    /// against the mono theme unless this theme is already monochrome.
    public func resolve(_ style: Style, mode: ColorMode) -> ResolvedStyle {
        if mode == .none, !isMonochrome { return Theme.mono.resolve(style, mode: mode) }
        let front = self[style.foreground]
        let back = self[style.background]
        var attributes = front.attributes.union(style.attributes)
        if style.background != style.foreground { attributes.formUnion(back.attributes) }
        switch mode {
        case .palette256:
            return ResolvedStyle(foreground: front.foreground256, background: back.background256, attributes: attributes)
        case .eight:
            return ResolvedStyle(foreground: front.foreground8, background: back.background8, attributes: attributes)
        default:
            return ResolvedStyle(attributes: attributes)
        }
    }
}
