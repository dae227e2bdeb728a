/// Why a key or a binding from a config file was refused.
public struct KeymapError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case invalidKey(String)
        case unknownCommand(String)
    }

    private let reason: Reason

    public static func invalidKey(_ text: String) -> KeymapError { KeymapError(reason: .invalidKey(text)) }
    public static func unknownCommand(_ name: String) -> KeymapError { KeymapError(reason: .unknownCommand(name)) }

    public var description: String {
        switch reason {
        case .invalidKey(let text): "not a key: \"\(text)\""
        case .unknownCommand(let name): "no command named \"\(name)\""
        }
    }
}
