/// A named thing a key can do. The app declares its commands as one `CaseIterable` enum
/// conforming to this, so dispatch is an exhaustive `switch` and the help text lives
/// beside each name: the `?` overlay and the hint bar are generated from the keymap itself
/// and never drift.
public protocol KeyCommand: Hashable, Sendable {
    /// Stable identifier used in config files (`delete`, `move-down`).
    var name: String { get }
    /// One line for the help overlay.
    var help: String { get }
    /// A word or two for the hint bar; commands without one stay out of the hint bar.
    var hint: String? { get }
}
