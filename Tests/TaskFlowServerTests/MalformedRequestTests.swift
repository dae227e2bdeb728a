import Foundation
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

/// Bytes no HTTP client should send get an answer, never a 500 or a silent drop: a
/// malformed request 400 and the connection closed, an unsupported `Transfer-Encoding`
/// 501, a chunked body over 64 KiB 413 (API.md, "Operations" and "Tasks").
final class MalformedRequestTests: XCTestCase {
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
                let answer = await connection.readUntilClosed(timeout: .seconds(5))
                XCTAssertTrue(answer?.hasPrefix("HTTP/1.1 400") ?? false, "\(request.debugDescription) → \(answer ?? "left open")")
            }
        }
    }

    func testAMalformedSecondRequestOnAKeepAliveConnectionIs400() async throws {
        try await withLiveServer { port, _ in
            let connection = try RawConnection(port: port)
            try connection.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\n")
            let answer = await connection.readUntilClosed(timeout: .seconds(5))
            XCTAssertTrue(answer?.hasPrefix("HTTP/1.1 200") ?? false, answer ?? "left open")
            XCTAssertTrue(answer?.contains("HTTP/1.1 400") ?? false, answer ?? "left open")
        }
    }

    func testAnUnsupportedTransferEncodingIs501() async throws {
        try await withLiveServer { port, client in
            let token = try await client.register().accessToken
            for encoding in ["gzip", "gzip, chunked", "identity", "foo"] {
                let connection = try RawConnection(port: port)
                try connection.send(
                    "POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: \(encoding)\r\n\r\n5\r\n{\"a\":\r\n0\r\n\r\n")
                check(await connection.readStatus(timeout: .seconds(5)), 501, encoding)
            }
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
