/// Engine.IO 4 packets as WebSocket text frames: one type digit, then data.
/// A `message` carries a Socket.IO packet (`SocketIOPacket`).
public enum EngineIOPacket: Sendable, Equatable {
    case open(EngineIOHandshake)
    case close
    case ping
    case pong
    case message(String)
    case upgrade
    case noop

    /// Reads one text frame. Ping and pong data (`2probe`, used only while upgrading from
    /// long-polling, which this channel never does) is ignored.
    public init(decoding text: String) throws(SocketIOWireError) {
        guard let type = text.first else { throw .empty }
        let data = text.dropFirst()
        switch type {
        case "0":
            guard let json = try? JSONValue(parsing: data), let handshake = EngineIOHandshake(json: json) else {
                throw .malformedHandshake
            }
            self = .open(handshake)
        case "1": self = .close
        case "2": self = .ping
        case "3": self = .pong
        case "4": self = .message(String(data))
        case "5": self = .upgrade
        case "6": self = .noop
        // `b<base64>` is a binary message in text form (long-polling only).
        case "b": throw .binaryAttachments
        default: throw .unknownType(type)
        }
    }

    /// The text frame.
    public var encoded: String {
        switch self {
        case .open(let handshake): "0" + handshake.json.json
        case .close: "1"
        case .ping: "2"
        case .pong: "3"
        case .message(let data): "4" + data
        case .upgrade: "5"
        case .noop: "6"
        }
    }
}
