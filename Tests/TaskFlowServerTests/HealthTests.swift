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

    func testHeadAnswersAsGetWithoutABody() async throws {
        try await TestServer.withRouter { client, _ in
            let health = try await client.json(.head, "/health")
            XCTAssertEqual(health.status, .ok)
            XCTAssertEqual(health.body.readableBytes, 0)

            let ann = try await client.register()
            _ = try await client.createTask(#"{"title":"t"}"#, token: ann.accessToken)
            let get = try await client.json(.get, "/api/v1/tasks", token: ann.accessToken)
            let head = try await client.json(.head, "/api/v1/tasks", token: ann.accessToken)
            XCTAssertEqual(head.status, .ok)
            XCTAssertEqual(head.body.readableBytes, 0)
            XCTAssertEqual(head.headers[.eTag], get.headers[.eTag])
            XCTAssertNotNil(head.headers[.rateLimitRemaining])

            let anonymous = try await client.json(.head, "/api/v1/tasks")
            XCTAssertEqual(anonymous.status, .unauthorized, "HEAD needs the same token as GET")
        }
    }
}
