/// How a rebinding affected another command (see `KeyConflict`).
public struct KeyConflictKind: Hashable, Sendable {
    private enum Value: Hashable, Sendable { case replaced, shadowed }
    private let value: Value
    /// `key` used to run `other` in `context`; now it runs `command`.
    public static let replaced = KeyConflictKind(value: .replaced)
    /// `key` was bound globally for `command`, but `context` binds it to `other`,
    /// which still wins there.
    public static let shadowed = KeyConflictKind(value: .shadowed)
}
