import Foundation
import XCTest

/// What deploy/nginx.conf lets through: every spelling of an `/api` path is limited as the
/// instance routes it, and `/metrics` is not exposed.
final class NginxEdgeTests: XCTestCase {
    func testThroughNginxNoSpellingOfAPathEscapesTheLimit() async throws {
        let cluster = try await TaskFlowCluster(instances: 1, environment: ["RATE_LIMIT_MAX_REQUESTS": "3"])
        defer { cluster.stop() }
        let ann = try await cluster.register("Ann")
        for _ in 0..<3 {
            check(try await HTTP.request("GET", cluster.url + "/api/v1/tasks", headers: ["Authorization": "Bearer \(ann.accessToken)"]).1, 200)
        }
        for path in PathSpellingTests.spellings {
            let connection = try RawConnection(port: cluster.nginx.port)
            try connection.send("POST \(path) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(ann.accessToken)\r\n"
                + "Content-Type: application/json\r\nContent-Length: 13\r\nConnection: close\r\n\r\n{\"title\":\"x\"}")
            let status = await connection.readStatus(timeout: .seconds(10))
            // Never 201: no spelling creates a task (the user is over the limit, so a list to
            // check would itself be 429).
            XCTAssertTrue([429, 404, 400].contains(status), "\(path) answered \(status.map(String.init) ?? "nothing")")
        }
    }

    func testNginxDoesNotExposeMetrics() async throws {
        let cluster = try await TaskFlowCluster(instances: 1)
        defer { cluster.stop() }
        check(try await HTTP.request("GET", cluster.url(of: 0) + "/metrics").1, 200, "the instance serves them")
        for path in ["/metrics", "//metrics", "/%6Detrics", "/x/../metrics"] {
            let connection = try RawConnection(port: cluster.nginx.port)
            try connection.send("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            check(await connection.readStatus(timeout: .seconds(10)), 404, path)
        }
    }
}
