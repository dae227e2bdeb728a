/// A command and every key bound to it in one context, in the order they were bound.
public struct KeyBinding<Command: KeyCommand>: Hashable, Sendable {
    public var command: Command
    public var keys: [Key]

    public init(command: Command, keys: [Key]) {
        self.command = command
        self.keys = keys
    }

    /// `j/↓`: the keys as the help overlay and hint bar show them.
    public var keyLabel: String { keys.map(\.displayName).joined(separator: "/") }
}
