import XCTest
@testable import TaskFlowClient

/// WebSocket frames (RFC 6455 §5).
final class WebSocketFrameTests: XCTestCase {
    func testClientFramesAreMaskedAndUnmaskingGivesThePayloadBack() {
        let key: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
        let bytes = WebSocketFrame(fin: true, opcode: .text, payload: Array("Hello".utf8)).encodedByClient(maskKey: key)
        // RFC 6455 §5.7's example: a masked "Hello".
        XCTAssertEqual(bytes, [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
    }

    func testLengthsUseThe7Bit16BitAnd64BitForms() {
        let key: [UInt8] = [0, 0, 0, 0]
        XCTAssertEqual(WebSocketFrame(fin: true, opcode: .binary, payload: .init(repeating: 1, count: 125)).encodedByClient(maskKey: key)[1], 0x80 | 125)
        let medium = WebSocketFrame(fin: true, opcode: .binary, payload: .init(repeating: 1, count: 300)).encodedByClient(maskKey: key)
        XCTAssertEqual(Array(medium[1...3]), [0x80 | 126, 0x01, 0x2C])
        let large = WebSocketFrame(fin: true, opcode: .binary, payload: .init(repeating: 1, count: 70_000)).encodedByClient(maskKey: key)
        XCTAssertEqual(Array(large[1...9]), [0x80 | 127, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70])
    }

    func testDecoderWaitsForWholeFramesAndReadsSeveralFromOneChunk() throws {
        var decoder = WebSocketFrameDecoder(maxFrameSize: 1 << 20)
        let frame: [UInt8] = [0x81, 0x05] + Array("Hello".utf8)
        decoder.append(frame.prefix(3))
        XCTAssertNil(try decoder.next())
        decoder.append(frame.dropFirst(3) + [0x89, 0x00])
        XCTAssertEqual(try decoder.next(), WebSocketFrame(fin: true, opcode: .text, payload: Array("Hello".utf8)))
        XCTAssertEqual(try decoder.next(), WebSocketFrame(fin: true, opcode: .ping, payload: []))
        XCTAssertNil(try decoder.next())
    }

    /// A masked frame from the server is a protocol error (1002).
    func testMaskedServerFrameIsAProtocolError() {
        var decoder = WebSocketFrameDecoder(maxFrameSize: 1 << 20)
        decoder.append([0x81, 0x85, 1, 2, 3, 4, 0, 0, 0, 0, 0])
        XCTAssertThrowsError(try decoder.next()) { error in
            XCTAssertEqual(error as? WebSocketProtocolViolation, .protocolError("the server masked a frame"))
        }
    }

    func testControlFramesMayNotBeFragmentedOrLongerThan125Bytes() {
        var fragmented = WebSocketFrameDecoder(maxFrameSize: 1 << 20)
        fragmented.append([0x09, 0x00])
        XCTAssertThrowsError(try fragmented.next()) { XCTAssertTrue($0 is WebSocketProtocolViolation, "\($0)") }
        var long = WebSocketFrameDecoder(maxFrameSize: 1 << 20)
        long.append([0x89, 126, 0, 200] + [UInt8](repeating: 0, count: 200))
        XCTAssertThrowsError(try long.next()) { XCTAssertTrue($0 is WebSocketProtocolViolation, "\($0)") }
    }

    /// Fragments join into one message; bad UTF-8 is 1007; oversize is 1009.
    func testAssemblerJoinsFragmentsAndRejectsBadUTF8AndOversize() throws {
        var assembler = WebSocketMessageAssembler(maxMessageSize: 16)
        XCTAssertNil(try assembler.add(WebSocketFrame(fin: false, opcode: .text, payload: Array("Hel".utf8))))
        XCTAssertEqual(try assembler.add(WebSocketFrame(fin: true, opcode: .continuation, payload: Array("lo ✓".utf8))), .text("Hello ✓"))
        XCTAssertThrowsError(try assembler.add(WebSocketFrame(fin: true, opcode: .text, payload: [0xC3]))) { error in
            XCTAssertEqual(error as? WebSocketProtocolViolation, WebSocketProtocolViolation(code: 1007, reason: "text message is not valid UTF-8"))
        }
        var small = WebSocketMessageAssembler(maxMessageSize: 4)
        XCTAssertThrowsError(try small.add(WebSocketFrame(fin: true, opcode: .binary, payload: [1, 2, 3, 4, 5]))) { error in
            XCTAssertEqual(error as? WebSocketProtocolViolation, WebSocketProtocolViolation(code: 1009, reason: "message too large"))
        }
        var orphan = WebSocketMessageAssembler(maxMessageSize: 16)
        XCTAssertThrowsError(try orphan.add(WebSocketFrame(fin: true, opcode: .continuation, payload: [1]))) {
            XCTAssertTrue($0 is WebSocketProtocolViolation, "\($0)")
        }
    }
}
