import Foundation
import Testing
@testable import TaskFlowClient

@Suite("WebSocket opening handshake (RFC 6455 §4)")
struct WebSocketHandshakeTests {
    @Test("SHA-1 matches the FIPS 180 test vectors")
    func sha1Vectors() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.hash([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test("the request carries the upgrade headers, and the RFC's accept value checks out")
    func requestAndAccept() throws {
        let handshake = WebSocketHandshake(url: URL(string: "http://example.com:8080/socket.io/?EIO=4&transport=websocket")!,
                                           headers: HTTPHeaders(), userAgent: "taskflow/test")
        #expect(handshake.request.hasPrefix("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: example.com:8080\r\n"))
        #expect(handshake.request.contains("Sec-WebSocket-Version: 13\r\n"))
        #expect(handshake.request.hasSuffix("\r\n\r\n"))
        #expect(Data(base64Encoded: handshake.key)?.count == 16)

        let known = WebSocketHandshake(fixedKey: "dGhlIHNhbXBsZSBub25jZQ==")
        #expect(known.expectedAccept == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        try known.validate(responseHead: "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", server: "s")
    }

    @Test("a wrong accept value, a missing upgrade or a non-101 status is refused")
    func refusals() {
        let known = WebSocketHandshake(fixedKey: "dGhlIHNhbXBsZSBub25jZQ==")
        #expect(throws: ClientError.self) {
            try known.validate(responseHead: "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: AAAA", server: "s")
        }
        #expect(throws: ClientError.self) {
            try known.validate(responseHead: "HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", server: "s")
        }
        do {
            try known.validate(responseHead: "HTTP/1.1 400 Bad Request\r\nContent-Length: 0", server: "http://x")
            Issue.record("a 400 answer was accepted")
        } catch {
            #expect("\(error)".contains("HTTP 400"))
        }
    }
}

extension WebSocketHandshake {
    init(fixedKey: String) {
        self.init(url: URL(string: "http://server.example.com/chat")!, headers: HTTPHeaders(), userAgent: "t", key: fixedKey)
    }
}
