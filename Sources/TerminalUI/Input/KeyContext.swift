/// Where a key is pressed (a pane, a form, an overlay). The TUI declares its own contexts
/// as static members in an extension; `global` bindings apply wherever a context has no
/// binding of its own for a key.
public struct KeyContext: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    public static let global = KeyContext("global")

    public var description: String { name }
}
