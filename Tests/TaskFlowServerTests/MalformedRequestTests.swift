import Foundation
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

/// Bytes no HTTP client should send get an answer in the contract's shape, never a 500 or
/// a silent drop: a malformed request 400 and the connection closed, an unsupported
/// `Transfer-Encoding` 501, a chunked body over 64 KiB 413 (API.md, "Operations" and "Tasks").
final class MalformedRequestTests: XCTestCase {
    /// The answer's status line, or a description of what came instead.
    private static func statusLine(_ answer: String?) -> String {
        guard let answer else { return "left open" }
        return answer.components(separatedBy: "\r\n").first ?? answer
    }

    /// The `error.code` of the last answer on the connection.
    private static func lastErrorCode(_ answer: String?) -> String? {
        guard let answer, let start = answer.range(of: #"{"error":"#, options: .backwards) else { return nil }
        let object = try? JSONSerialization.jsonObject(with: Data(answer[start.lowerBound...].utf8)) as? [String: Any]
        return (object?["error"] as? [String: Any])?["code"] as? String
    }

    func testAMalformedRequestIs400AndTheConnectionIsClosed() async throws {
        let requests = [
            "GARBAGE\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
            "GET /health HTTP/9.9\r\nHost: x\r\n\r\n",
            "POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello",
        ]
        try await withLiveServer { port, _ in
            for request in requests {
                let connection = try RawConnection(port: port)
                try connection.send(request)
                // readUntilClosed is nil while the connection is open: the 400 must close it.
                let answer = await connection.readUntilClosed(timeout: .seconds(30))
                XCTAssertEqual(Self.statusLine(answer), "HTTP/1.1 400 Bad Request", request.debugDescription)
                XCTAssertEqual(Self.lastErrorCode(answer), "bad_request", request.debugDescription)
            }
        }
    }

    func testAMalformedSecondRequestOnAKeepAliveConnectionIs400AfterTheFirstAnswer() async throws {
        try await withLiveServer { port, _ in
            let connection = try RawConnection(port: port)
            try connection.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\n")
            let answer = await connection.readUntilClosed(timeout: .seconds(30))
            XCTAssertEqual(Self.statusLine(answer), "HTTP/1.1 200 OK")
            XCTAssertTrue(answer?.contains("\r\n\r\n{\"status\":\"ok\"}HTTP/1.1 400 Bad Request\r\n") ?? false, answer ?? "left open")
            XCTAssertEqual(Self.lastErrorCode(answer), "bad_request")
        }
    }

    func testABrokenChunkInABodyIs400AndTheConnectionIsClosed() async throws {
        try await withLiveServer { port, client in
            let token = try await client.register().accessToken
            let connection = try RawConnection(port: port)
            try connection.send(
                "POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"tit\r\nzz\r\nle\":\"x\"}\r\n0\r\n\r\n")
            let answer = await connection.readUntilClosed(timeout: .seconds(30))
            XCTAssertEqual(Self.statusLine(answer), "HTTP/1.1 400 Bad Request")
            XCTAssertEqual(Self.lastErrorCode(answer), "bad_request")
            XCTAssertEqual(answer?.components(separatedBy: "HTTP/1.1 ").count, 2, "one answer: \(answer ?? "")")
        }
    }

    func testAnUnsupportedTransferEncodingIs501AndTheConnectionIsClosed() async throws {
        try await withLiveServer { port, client in
            let token = try await client.register().accessToken
            for encoding in ["gzip", "gzip, chunked", "identity", "foo"] {
                let connection = try RawConnection(port: port)
                try connection.send(
                    "POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: \(encoding)\r\n\r\n5\r\n{\"a\":\r\n0\r\n\r\n")
                let answer = await connection.readUntilClosed(timeout: .seconds(30))
                XCTAssertEqual(Self.statusLine(answer), "HTTP/1.1 501 Not Implemented", encoding)
                XCTAssertEqual(Self.lastErrorCode(answer), "not_implemented", encoding)
            }
            // Nothing was created by any of them.
            let list = try await client.json(.get, "/api/v1/tasks", token: token)
            XCTAssertTrue(list.text.contains(#""total":0"#), list.text)
        }
    }

    func testAChunkedBodyOver64KiBIs413() async throws {
        try await withLiveServer { port, client in
            let token = try await client.register().accessToken
            let title = String(repeating: "x", count: 70_000)
            let body = Data(#"{"title":"\#(title)"}"#.utf8)
            var request = Data(("POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").utf8)
            var offset = 0
            while offset < body.count {
                let chunk = body[offset..<min(offset + 8192, body.count)]
                request.append(Data((String(chunk.count, radix: 16) + "\r\n").utf8) + chunk + Data("\r\n".utf8))
                offset += chunk.count
            }
            request.append(Data("0\r\n\r\n".utf8))
            let connection = try RawConnection(port: port)
            try connection.send(request)
            check(await connection.readStatus(timeout: .seconds(5)), 413)
        }
    }
}
