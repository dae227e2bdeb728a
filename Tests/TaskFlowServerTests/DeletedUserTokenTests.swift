import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// API.md, Auth: a token whose user no longer exists is 401 `unauthorized` on every route
/// (for instance a database restored from before the account was made, same secret).
final class DeletedUserTokenTests: XCTestCase {
    private static let ghost = "01JGHOSTUSER00000000000000"

    func testEveryTaskAndAuthRouteAnswers401() async throws {
        try await TestServer.withRouter { client, services in
            let token = try await services.tokens.issue(userID: Self.ghost)
            let task = "/api/v1/tasks/01JNOTASK000000000000000000"
            let routes: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/v1/tasks", nil), (.get, "/api/v1/tasks/stats", nil), (.post, "/api/v1/tasks", #"{"title":"x"}"#),
                (.get, task, nil), (.put, task, #"{"title":"y"}"#), (.patch, task, #"{"title":"y"}"#), (.delete, task, nil),
                (.get, "/api/v1/auth/me", nil),
            ]
            for (method, path, body) in routes {
                let response = try await client.json(method, path, token: token, body: body)
                assertAPIError(response, .unauthorized, "unauthorized")
            }
            // And nothing was written for the ghost.
            check(try await services.store.changeCounter(userID: Self.ghost), 0)
        }
    }

    func testTheSocketRefusesIt() async throws {
        let services = try await TestServer.services()
        defer { TestServer.removeDatabase(of: services.configuration) }
        try await TestServer.app(services).test(.live) { client in
            let port = client.port!
            try await withTimeout(30) {
                let token = try await services.tokens.issue(userID: Self.ghost)
                let answered = await answers(toConnect: #"40{"token":"\#(token)"}"#, port: port)
                XCTAssertEqual(answered, [#"44{"message":"unauthorized"}"#], "44, then the socket closes")
            }
        }
    }
}
