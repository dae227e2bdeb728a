/// Joins data frames into messages (§5.4): a text or binary frame starts one,
/// continuation frames extend it, and `fin` ends it.
struct WebSocketMessageAssembler {
    private var opcode: WebSocketFrame.Opcode?
    private var parts: [UInt8] = []
    let maxMessageSize: Int

    init(maxMessageSize: Int) { self.maxMessageSize = maxMessageSize }

    mutating func add(_ frame: WebSocketFrame) throws(WebSocketProtocolViolation) -> WebSocketMessage? {
        switch frame.opcode {
        case .text, .binary:
            guard opcode == nil else { throw .protocolError("new message before the last one ended") }
            opcode = frame.opcode
            parts = frame.payload
        case .continuation:
            guard opcode != nil else { throw .protocolError("continuation frame with no message to continue") }
            parts += frame.payload
        default:
            preconditionFailure("control frames are handled by the connection")
        }
        guard parts.count <= maxMessageSize else { throw WebSocketProtocolViolation(code: 1009, reason: "message too large") }
        guard frame.fin, let kind = opcode else { return nil }
        defer { opcode = nil; parts = [] }
        if kind == .binary { return .binary(parts) }
        guard let text = String(validating: parts, as: UTF8.self) else {
            throw WebSocketProtocolViolation(code: 1007, reason: "text message is not valid UTF-8")
        }
        return .text(text)
    }
}

/// A whole message received on a WebSocket.
public enum WebSocketMessage: Sendable, Equatable {
    case text(String)
    case binary([UInt8])
}
