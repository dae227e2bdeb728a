/// A named thing a key can do. The help text lives beside the name so that the `?` help
/// overlay and the hint bar are generated from the keymap itself and never drift.
public struct Command: Hashable, Sendable, CustomStringConvertible {
    /// Stable identifier used in config files (`delete`, `move-down`).
    public let name: String
    /// One line for the help overlay.
    public let help: String
    /// A word or two for the hint bar; commands without one stay out of the hint bar.
    public let hint: String?

    public init(_ name: String, help: String, hint: String? = nil) {
        self.name = name
        self.help = help
        self.hint = hint
    }

    public var description: String { name }
}
