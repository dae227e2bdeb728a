/// One RFC 6455 frame.
struct WebSocketFrame: Equatable {
    enum Opcode: UInt8 {
        case continuation = 0x0, text = 0x1, binary = 0x2, close = 0x8, ping = 0x9, pong = 0xA

        var isControl: Bool { rawValue & 0x8 != 0 }
    }

    var fin: Bool
    var opcode: Opcode
    var payload: [UInt8]

    /// The bytes a client sends: always masked (§5.3) with a fresh random key.
    func encodedByClient(maskKey: [UInt8] = (0..<4).map { _ in UInt8.random(in: 0...255) }) -> [UInt8] {
        var out: [UInt8] = [(fin ? 0x80 : 0) | opcode.rawValue]
        let count = payload.count
        if count < 126 {
            out.append(0x80 | UInt8(count))
        } else if count <= 0xFFFF {
            out += [0x80 | 126, UInt8(count >> 8), UInt8(count & 0xFF)]
        } else {
            out.append(0x80 | 127)
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: UInt64(count) >> UInt64(shift))) }
        }
        out += maskKey
        out.reserveCapacity(out.count + count)
        for (i, byte) in payload.enumerated() { out.append(byte ^ maskKey[i & 3]) }
        return out
    }

    /// A close frame's payload: a 2-byte code then a UTF-8 reason (§5.5.1).
    static func closePayload(code: UInt16, reason: String) -> [UInt8] {
        [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8.prefix(123))
    }
}

/// Why a connection is being failed, as the close code to send (§7.4.1).
struct WebSocketProtocolViolation: Error, Equatable {
    var code: UInt16
    var reason: String

    static func protocolError(_ reason: String) -> Self { Self(code: 1002, reason: reason) }
}

/// Cuts frames out of the received byte stream, enforcing what a client must check.
struct WebSocketFrameDecoder {
    private var buffer: [UInt8] = []
    private var start = 0
    let maxFrameSize: Int

    init(maxFrameSize: Int) { self.maxFrameSize = maxFrameSize }

    mutating func append(_ bytes: some Collection<UInt8>) { buffer.append(contentsOf: bytes) }

    /// The next whole frame, or nil when more bytes are needed.
    mutating func next() throws(WebSocketProtocolViolation) -> WebSocketFrame? {
        let available = buffer.count - start
        guard available >= 2 else { return nil }
        let b0 = buffer[start], b1 = buffer[start + 1]
        guard b0 & 0x70 == 0 else { throw .protocolError("reserved bits set without an extension") }
        guard let opcode = WebSocketFrame.Opcode(rawValue: b0 & 0x0F) else { throw .protocolError("unknown opcode") }
        guard b1 & 0x80 == 0 else { throw .protocolError("the server masked a frame") }
        let fin = b0 & 0x80 != 0
        var header = 2
        var length = Int(b1 & 0x7F)
        if length == 126 {
            guard available >= 4 else { return nil }
            length = Int(buffer[start + 2]) << 8 | Int(buffer[start + 3])
            header = 4
        } else if length == 127 {
            guard available >= 10 else { return nil }
            var value: UInt64 = 0
            for i in 0..<8 { value = value << 8 | UInt64(buffer[start + 2 + i]) }
            guard value <= UInt64(maxFrameSize) else { throw WebSocketProtocolViolation(code: 1009, reason: "frame too large") }
            length = Int(value)
            header = 10
        }
        if opcode.isControl {
            guard fin else { throw .protocolError("fragmented control frame") }
            guard length <= 125 else { throw .protocolError("control frame longer than 125 bytes") }
        }
        guard length <= maxFrameSize else { throw WebSocketProtocolViolation(code: 1009, reason: "frame too large") }
        guard available >= header + length else { return nil }
        let payload = Array(buffer[(start + header)..<(start + header + length)])
        start += header + length
        if start > 64 * 1024 || start == buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return WebSocketFrame(fin: fin, opcode: opcode, payload: payload)
    }
}
