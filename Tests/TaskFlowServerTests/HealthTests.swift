import HTTPTypes
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

final class HealthTests: XCTestCase {
    func testHealthAndReadyAnswerOK() async throws {
        try await TestServer.withRouter { client, _ in
            let health = try await client.json(.get, "/health")
            XCTAssertEqual(health.status, .ok)
            XCTAssertEqual(health.text, #"{"status":"ok"}"#)
            let ready = try await client.json(.get, "/ready")
            XCTAssertEqual(ready.status, .ok)
        }
    }
}
