/// How a WebSocket ended, when it was not closed by us: the peer's close code (1000 normal,
/// 1001 going away, 1011 server error…), 1006 when the connection dropped without a close
/// frame, or the code we sent when the peer broke the protocol.
public struct WebSocketClosed: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: UInt16
    public var reason: String

    public init(code: UInt16, reason: String) {
        self.code = code
        self.reason = reason
    }

    public static let abnormalCode: UInt16 = 1006

    public var description: String {
        "the live connection closed (code \(code)\(reason.isEmpty ? "" : ": \(reason)"))"
    }
}
