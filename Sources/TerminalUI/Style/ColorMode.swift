/// How many colours the terminal can show, which picks the column of a theme entry used.
public struct ColorMode: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable { case none, eight, palette256 }
    private let kind: Kind

    /// No colour at all: attributes only (TERM=vt100, NO_COLOR, `--theme mono`).
    public static let none = ColorMode(kind: .none)
    /// The 8 ANSI colours.
    public static let eight = ColorMode(kind: .eight)
    /// The xterm 256-colour palette.
    public static let palette256 = ColorMode(kind: .palette256)

    /// Picks a mode from what the terminal reports and the environment. `NO_COLOR` set to
    /// anything non-empty turns colour off (https://no-color.org).
    public static func detect(supportedColors: Int, environment: [String: String]) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        if supportedColors >= 256 { return .palette256 }
        if supportedColors >= 8 { return .eight }
        return .none
    }

    public var description: String {
        switch kind {
        case .none: "none"
        case .eight: "8"
        case .palette256: "256"
        }
    }
}
