import Foundation
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

/// A chunked body over 64 KiB is 413, never a 500 (API.md, "Tasks").
final class MalformedRequestTests: XCTestCase {
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
