import Foundation
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// The real binary with `SYNC_TOMBSTONE_DAYS`: maintenance (which runs at start, then
/// once a minute) forgets older deletions, and a cursor from before them gets 410.
final class TombstoneExpiryTests: XCTestCase {
    func testMaintenanceForgetsOldTombstonesAndOlderCursorsExpire() async throws {
        // 0.00002 days is about 1.7 s.
        let server = try await ServerProcess.start(["SYNC_TOMBSTONE_DAYS": "0.00002"])
        defer { server.stop() }
        let (registered, status) = try await HTTP.request(
            "POST", server.url + "/api/v1/auth/register",
            body: #"{"name":"Ann","email":"ann@example.com","password":"correct horse"}"#)
        XCTAssertEqual(status, 201, registered)
        let auth = ["Authorization": "Bearer \(try TaskFlowJSON.decode(AuthResponse.self, from: Data(registered.utf8)).accessToken)"]
        let (created, _) = try await HTTP.request("POST", server.url + "/api/v1/tasks", headers: auth, body: #"{"title":"Soon forgotten"}"#)
        let task = try TaskFlowJSON.decode(TaskItem.self, from: Data(created.utf8))
        let (snapshot, _) = try await HTTP.request("GET", server.url + "/api/v1/sync", headers: auth)
        let cursor = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(snapshot.utf8)) as? [String: Any])["cursor"] as? String
        let (_, deleted) = try await HTTP.request("DELETE", server.url + "/api/v1/tasks/\(task.id)", headers: auth)
        XCTAssertEqual(deleted, 204)
        let (kept, keptStatus) = try await HTTP.request("GET", server.url + "/api/v1/sync?cursor=\(cursor ?? "")", headers: auth)
        XCTAssertEqual(keptStatus, 200, kept)
        XCTAssertTrue(kept.contains(#""op":"delete""#), "the deletion is there while its tombstone is kept: \(kept)")

        try await Task.sleep(for: .seconds(2))
        try await server.restart()  // maintenance runs as the server starts
        try await eventually("the cursor from before the forgotten deletion expires", within: .seconds(10)) {
            let (_, code) = try await HTTP.request("GET", server.url + "/api/v1/sync?cursor=\(cursor ?? "")", headers: auth)
            return code == 410
        }
        let (fresh, freshStatus) = try await HTTP.request("GET", server.url + "/api/v1/sync", headers: auth)
        XCTAssertEqual(freshStatus, 200)
        XCTAssertTrue(fresh.contains(#""changes":[]"#), fresh)
    }

    func testABadValueStopsTheServerNamingIt() async throws {
        for bad in ["0", "-1", "soon", "inf"] {
            let server = try await ServerProcess.launch(["SYNC_TOMBSTONE_DAYS": bad])
            let exit = try await server.waitForExit(within: .seconds(10))
            XCTAssertNotEqual(exit, 0, bad)
            XCTAssertTrue(server.errorOutput().contains("SYNC_TOMBSTONE_DAYS"), "\(bad): \(server.errorOutput())")
        }
    }
}
