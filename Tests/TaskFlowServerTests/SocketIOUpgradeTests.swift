import Foundation
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

/// `/socket.io/` without a valid WebSocket upgrade is answered 400, never dropped.
final class SocketIOUpgradeTests: XCTestCase {
    private static let target = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
    private static let key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"

    func testABrokenOrMissingUpgradeIs400() async throws {
        let requests = [
            "no upgrade at all": Self.target + "\r\n",
            "no key": Self.target + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n",
            "wrong version": Self.target + "Connection: Upgrade\r\nUpgrade: websocket\r\n" + Self.key + "Sec-WebSocket-Version: 8\r\n\r\n",
            "no key, no Connection header": Self.target + "Upgrade: websocket\r\n\r\n",
            "another protocol": Self.target + "Connection: Upgrade\r\nUpgrade: h2c\r\n\r\n",
            "long-polling": "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n",
            "long-polling with upgrade headers": "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"
                + "Upgrade: websocket\r\n" + Self.key + "Sec-WebSocket-Version: 13\r\n\r\n",
        ]
        try await withLiveServer { port, _ in
            for (name, request) in requests.sorted(by: { $0.key < $1.key }) {
                let connection = try RawConnection(port: port)
                try connection.send(request)
                check(await connection.readStatus(timeout: .seconds(5)), 400, name)
            }
        }
    }

    func testAValidUpgradeStillSwitchesProtocols() async throws {
        try await withLiveServer { port, _ in
            let connection = try RawConnection(port: port)
            try connection.send(Self.target + "Connection: Upgrade\r\nUpgrade: websocket\r\n" + Self.key + "Sec-WebSocket-Version: 13\r\n\r\n")
            check(await connection.readStatus(timeout: .seconds(5)), 101)
        }
    }
}
