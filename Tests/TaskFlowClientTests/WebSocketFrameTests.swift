import Testing
@testable import TaskFlowClient

@Suite("WebSocket frames (RFC 6455 §5)")
struct WebSocketFrameTests {
    @Test("client frames are masked, and unmasking gives the payload back")
    func clientFramesAreMasked() {
        let key: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
        let bytes = WebSocketFrame(fin: true, opcode: .text, payload: Array("Hello".utf8)).encodedByClient(maskKey: key)
        // RFC 6455 §5.7's example: a masked "Hello".
        #expect(bytes == [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
    }

    @Test("lengths use the 7-bit, 16-bit and 64-bit forms")
    func lengthForms() {
        let key: [UInt8] = [0, 0, 0, 0]
        #expect(WebSocketFrame(fin: true, opcode: .binary, payload: .init(repeating: 1, count: 125)).encodedByClient(maskKey: key)[1] == 0x80 | 125)
        let medium = WebSocketFrame(fin: true, opcode: .binary, payload: .init(repeating: 1, count: 300)).encodedByClient(maskKey: key)
        #expect(Array(medium[1...3]) == [0x80 | 126, 0x01, 0x2C])
        let large = WebSocketFrame(fin: true, opcode: .binary, payload: .init(repeating: 1, count: 70_000)).encodedByClient(maskKey: key)
        #expect(Array(large[1...9]) == [0x80 | 127, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70])
    }

    @Test("the decoder waits for whole frames and reads several from one chunk")
    func decoderHandlesPartialInput() throws {
        var decoder = WebSocketFrameDecoder(maxFrameSize: 1 << 20)
        let frame: [UInt8] = [0x81, 0x05] + Array("Hello".utf8)
        decoder.append(frame.prefix(3))
        #expect(try decoder.next() == nil)
        decoder.append(frame.dropFirst(3) + [0x89, 0x00])
        #expect(try decoder.next() == WebSocketFrame(fin: true, opcode: .text, payload: Array("Hello".utf8)))
        #expect(try decoder.next() == WebSocketFrame(fin: true, opcode: .ping, payload: []))
        #expect(try decoder.next() == nil)
    }

    @Test("a masked frame from the server is a protocol error (1002)")
    func maskedServerFrameIsRejected() {
        var decoder = WebSocketFrameDecoder(maxFrameSize: 1 << 20)
        decoder.append([0x81, 0x85, 1, 2, 3, 4, 0, 0, 0, 0, 0])
        #expect(throws: WebSocketProtocolViolation.protocolError("the server masked a frame")) { try decoder.next() }
    }

    @Test("control frames may not be fragmented or longer than 125 bytes")
    func controlFrameRules() {
        var fragmented = WebSocketFrameDecoder(maxFrameSize: 1 << 20)
        fragmented.append([0x09, 0x00])
        #expect(throws: WebSocketProtocolViolation.self) { try fragmented.next() }
        var long = WebSocketFrameDecoder(maxFrameSize: 1 << 20)
        long.append([0x89, 126, 0, 200] + [UInt8](repeating: 0, count: 200))
        #expect(throws: WebSocketProtocolViolation.self) { try long.next() }
    }

    @Test("fragments join into one message; bad UTF-8 is 1007; oversize is 1009")
    func assembler() throws {
        var assembler = WebSocketMessageAssembler(maxMessageSize: 16)
        #expect(try assembler.add(WebSocketFrame(fin: false, opcode: .text, payload: Array("Hel".utf8))) == nil)
        #expect(try assembler.add(WebSocketFrame(fin: true, opcode: .continuation, payload: Array("lo ✓".utf8))) == .text("Hello ✓"))
        #expect(throws: WebSocketProtocolViolation(code: 1007, reason: "text message is not valid UTF-8")) {
            try assembler.add(WebSocketFrame(fin: true, opcode: .text, payload: [0xC3]))
        }
        var small = WebSocketMessageAssembler(maxMessageSize: 4)
        #expect(throws: WebSocketProtocolViolation(code: 1009, reason: "message too large")) {
            try small.add(WebSocketFrame(fin: true, opcode: .binary, payload: [1, 2, 3, 4, 5]))
        }
        var orphan = WebSocketMessageAssembler(maxMessageSize: 16)
        #expect(throws: WebSocketProtocolViolation.self) {
            try orphan.add(WebSocketFrame(fin: true, opcode: .continuation, payload: [1]))
        }
    }
}
