import Foundation
import HTTPTypes
import HummingbirdTesting
import XCTest
@testable import TaskFlowServer

/// `METRICS_TOKEN`: when set, `/metrics` needs `Authorization: Bearer <METRICS_TOKEN>`.
final class MetricsTokenTests: XCTestCase {
    func testWithATokenMetricsNeedsIt() async throws {
        let secret = "metrics-secret-0123456789"
        try await TestServer.withRouter({ $0.metricsToken = secret }) { client, services in
            let userToken = try await services.directUser(email: "ann@example.com").token
            for authorization in [nil, "Bearer wrong", "Bearer \(secret)x", "Bearer metrics-secret-012345678", secret, "Basic \(secret)", "Bearer \(userToken)"] {
                let headers: HTTPFields = authorization.map { [.authorization: $0] } ?? [:]
                let response = try await client.get("/metrics", headers: headers)
                assertAPIError(response, .unauthorized, "unauthorized")
                XCTAssertFalse(response.text.contains("taskflow_http_requests_total"), authorization ?? "none")
            }
            let allowed = try await client.get("/metrics", headers: [.authorization: "Bearer \(secret)"])
            check(allowed.status, .ok)
            XCTAssertTrue(allowed.text.contains("taskflow_open_sockets"))
        }
    }

    func testWithoutATokenMetricsIsOpen() async throws {
        try await TestServer.withRouter { client, _ in
            check(try await client.get("/metrics").status, .ok)
        }
    }

    func testTheTokenComesFromTheEnvironment() throws {
        check(try ServerConfiguration.fromEnvironment(["METRICS_TOKEN": "s3cret"]).metricsToken, "s3cret")
        checkNil(try ServerConfiguration.fromEnvironment(["METRICS_TOKEN": ""]).metricsToken)
        checkNil(try ServerConfiguration.fromEnvironment([:]).metricsToken)
    }
}
