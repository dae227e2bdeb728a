/// Why a text frame is not an Engine.IO 4 / Socket.IO 5 packet this codec reads.
public struct SocketIOWireError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case empty
        case unknownType(Character)
        case binaryAttachments
        case malformedHandshake
        case invalidAckID
        case invalidJSON
        case payloadNotAllowed(SocketIOPacket.Kind)
    }

    private let kind: Kind

    static let empty = SocketIOWireError(kind: .empty)
    static func unknownType(_ type: Character) -> SocketIOWireError { .init(kind: .unknownType(type)) }
    static let binaryAttachments = SocketIOWireError(kind: .binaryAttachments)
    static let malformedHandshake = SocketIOWireError(kind: .malformedHandshake)
    static let invalidAckID = SocketIOWireError(kind: .invalidAckID)
    static let invalidJSON = SocketIOWireError(kind: .invalidJSON)
    static func payloadNotAllowed(_ kind: SocketIOPacket.Kind) -> SocketIOWireError { .init(kind: .payloadNotAllowed(kind)) }

    /// True for binary events and acks (`5…`, `6…`, `b…`): the WebSocket-only, JSON-only
    /// channel of API.md has no use for them.
    public var isBinary: Bool { kind == .binaryAttachments }

    public var description: String {
        switch kind {
        case .empty: "empty packet"
        case .unknownType(let type): "unknown packet type \(type.debugDescription)"
        case .binaryAttachments: "binary packets are not supported"
        case .malformedHandshake: "malformed Engine.IO open packet"
        case .invalidAckID: "invalid acknowledgement id"
        case .invalidJSON: "payload is not JSON"
        case .payloadNotAllowed(let kind): "payload not allowed in a \(kind) packet"
        }
    }
}
