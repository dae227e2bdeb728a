/// A Socket.IO 5 packet, as carried in an Engine.IO message: a type digit, an optional
/// namespace (`/admin,`), an optional acknowledgement id (digits), then JSON data.
/// Reads what socket.io-parser (and python-socketio) write; binary packets are refused.
public struct SocketIOPacket: Sendable, Equatable {
    public enum Kind: Int, Sendable {
        case connect = 0
        case disconnect = 1
        case event = 2
        case ack = 3
        case connectError = 4
    }

    public var kind: Kind
    /// `/` unless the packet names another namespace.
    public var namespace: String
    public var ackID: Int?
    public var data: JSONValue?

    public init(kind: Kind, namespace: String = "/", ackID: Int? = nil, data: JSONValue? = nil) {
        self.kind = kind
        self.namespace = namespace
        self.ackID = ackID
        self.data = data
    }

    /// Reads the packet inside an Engine.IO message (the text after the `4`).
    public init(decoding text: String) throws(SocketIOWireError) {
        var rest = Substring(text)
        guard let type = rest.popFirst() else { throw .empty }
        if type == "5" || type == "6" { throw .binaryAttachments }
        guard let digit = type.wholeNumberValue, type.isASCII, let kind = Kind(rawValue: digit) else { throw .unknownType(type) }
        self.kind = kind
        namespace = "/"
        if rest.first == "/" {
            let end = rest.firstIndex(of: ",") ?? rest.endIndex
            namespace = String(rest[..<end])
            rest = end == rest.endIndex ? "" : rest[rest.index(after: end)...]
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty {
            guard let id = Int(digits) else { throw .invalidAckID }
            ackID = id
            rest = rest.dropFirst(digits.count)
        }
        if !rest.isEmpty {
            guard let payload = try? JSONValue(parsing: rest) else { throw .invalidJSON }
            guard Self.allows(payload, in: kind) else { throw .payloadNotAllowed(kind) }
            data = payload
        }
    }

    /// The text to put in an Engine.IO message.
    public var encoded: String {
        var text = String(kind.rawValue)
        if namespace != "/" { text += namespace + "," }
        if let ackID { text += String(ackID) }
        if let data { text += data.json }
        return text
    }

    /// The whole WebSocket text frame: this packet in an Engine.IO message.
    public var frame: String { EngineIOPacket.message(encoded).encoded }

    /// socket.io-parser's rules: what data each type may carry.
    private static func allows(_ payload: JSONValue, in kind: Kind) -> Bool {
        switch kind {
        case .connect: return payload.objectValue != nil
        case .disconnect: return false
        case .connectError: return payload.objectValue != nil || payload.stringValue != nil
        case .ack: return payload.arrayValue != nil
        case .event:
            guard let first = payload.arrayValue?.first else { return false }
            if case .int = first { return true }
            guard let name = first.stringValue else { return false }
            return !reservedEventNames.contains(name)
        }
    }

    /// Names Socket.IO keeps for itself; no peer may emit them.
    static let reservedEventNames: Set<String> = [
        "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener",
    ]
}

extension SocketIOPacket {
    /// `40{"token":"…"}` and the like: asks to join `namespace`, with an auth object.
    public static func connect(auth: JSONValue? = nil, namespace: String = "/") -> SocketIOPacket {
        SocketIOPacket(kind: .connect, namespace: namespace, data: auth)
    }

    /// `40{"sid":"…"}`: the server's yes to a connect.
    public static func connected(sid: String, namespace: String = "/") -> SocketIOPacket {
        SocketIOPacket(kind: .connect, namespace: namespace, data: ["sid": .string(sid)])
    }

    /// `44{"message":"…"}`: the server's no to a connect.
    public static func connectError(_ message: String, namespace: String = "/") -> SocketIOPacket {
        SocketIOPacket(kind: .connectError, namespace: namespace, data: ["message": .string(message)])
    }

    /// `42["name",…]`, with `4217[…]` when the sender wants an acknowledgement.
    public static func event(_ name: String, _ arguments: [JSONValue] = [], ackID: Int? = nil, namespace: String = "/") -> SocketIOPacket {
        SocketIOPacket(kind: .event, namespace: namespace, ackID: ackID, data: .array([.string(name)] + arguments))
    }

    /// `4317[…]`: the answer to event `id`.
    public static func ack(_ id: Int, _ arguments: [JSONValue] = [], namespace: String = "/") -> SocketIOPacket {
        SocketIOPacket(kind: .ack, namespace: namespace, ackID: id, data: .array(arguments))
    }

    /// The name of an event packet.
    public var eventName: String? {
        kind == .event ? data?.arrayValue?.first?.stringValue : nil
    }

    /// The arguments of an event packet, after its name.
    public var eventArguments: [JSONValue] {
        kind == .event ? Array((data?.arrayValue ?? []).dropFirst()) : []
    }
}
