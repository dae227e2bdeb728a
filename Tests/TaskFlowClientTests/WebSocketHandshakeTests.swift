import Foundation
import XCTest
@testable import TaskFlowClient

/// The WebSocket opening handshake (RFC 6455 §4).
final class WebSocketHandshakeTests: XCTestCase {
    func testSHA1MatchesTheFIPS180TestVectors() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        XCTAssertEqual(hex(SHA1.hash(Array("abc".utf8))), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(hex(SHA1.hash([])), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        XCTAssertEqual(hex(SHA1.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))),
                       "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    /// The request carries the upgrade headers, and the RFC's accept value checks out.
    func testRequestCarriesUpgradeHeadersAndTheRFCAcceptValueChecksOut() throws {
        let handshake = WebSocketHandshake(url: URL(string: "http://example.com:8080/socket.io/?EIO=4&transport=websocket")!,
                                           headers: HTTPHeaders(), userAgent: "taskflow/test")
        XCTAssertTrue(handshake.request.hasPrefix("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: example.com:8080\r\n"), handshake.request)
        XCTAssertTrue(handshake.request.contains("Sec-WebSocket-Version: 13\r\n"), handshake.request)
        XCTAssertTrue(handshake.request.hasSuffix("\r\n\r\n"), handshake.request)
        XCTAssertEqual(Data(base64Encoded: handshake.key)?.count, 16)

        let known = WebSocketHandshake(fixedKey: "dGhlIHNhbXBsZSBub25jZQ==")
        XCTAssertEqual(known.expectedAccept, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        try known.validate(responseHead: "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", server: "s")
    }

    /// A wrong accept value, a missing upgrade or a non-101 status is refused.
    func testWrongAcceptMissingUpgradeOrNon101StatusIsRefused() {
        let known = WebSocketHandshake(fixedKey: "dGhlIHNhbXBsZSBub25jZQ==")
        XCTAssertThrowsError(try known.validate(responseHead: "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: AAAA", server: "s")) {
            XCTAssertTrue($0 is ClientError, "\($0)")
        }
        XCTAssertThrowsError(try known.validate(responseHead: "HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", server: "s")) {
            XCTAssertTrue($0 is ClientError, "\($0)")
        }
        XCTAssertThrowsError(try known.validate(responseHead: "HTTP/1.1 400 Bad Request\r\nContent-Length: 0", server: "http://x"),
                             "a 400 answer was accepted") { error in
            XCTAssertTrue("\(error)".contains("HTTP 400"), "\(error)")
        }
    }
}

extension WebSocketHandshake {
    init(fixedKey: String) {
        self.init(url: URL(string: "http://server.example.com/chat")!, headers: HTTPHeaders(), userAgent: "t", key: fixedKey)
    }
}
