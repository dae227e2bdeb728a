/// What a rebinding took away from another command, so the app can warn about it.
public struct KeyConflict<Command: KeyCommand>: Hashable, Sendable, CustomStringConvertible {
    public typealias Kind = KeyConflictKind

    public var kind: Kind
    public var key: Key
    public var context: KeyContext
    public var command: Command
    public var other: Command

    public init(kind: Kind, key: Key, context: KeyContext, command: Command, other: Command) {
        self.kind = kind
        self.key = key
        self.context = context
        self.command = command
        self.other = other
    }

    public var description: String {
        if kind == .replaced {
            return "\(key.configName) in \(context) was bound to \(other.name), now \(command.name)"
        }
        return "\(key.configName) for \(command.name) is hidden in \(context) by \(other.name)"
    }
}
