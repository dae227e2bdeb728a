import Foundation
import NIOCore
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// List pages are served again from memory; the key must hold everything the body depends on.
final class ListPageCacheTests: XCTestCase {
    func testTwoUsersWithTheSameCounterAndQueryGetTheirOwnPages() async throws {
        try await TestServer.withRouter { client, _ in
            let ann = try await client.register()
            let bob = try await client.register(name: "Bob", email: "bob@example.com")
            _ = try await client.createTask(#"{"title":"ann's"}"#, token: ann.accessToken)
            _ = try await client.createTask(#"{"title":"bob's"}"#, token: bob.accessToken)
            for _ in 1...2 {  // the second round is served from the cache
                check(try await client.page("limit=5", token: ann.accessToken).tasks.map(\.title), ["ann's"])
                check(try await client.page("limit=5", token: bob.accessToken).tasks.map(\.title), ["bob's"])
            }
        }
    }

    func testEachPageOfOneFilterIsItsOwnEntry() async throws {
        try await TestServer.withRouter { client, _ in
            let ann = try await client.register()
            for n in 1...3 { _ = try await client.createTask(#"{"title":"t\#(n)"}"#, token: ann.accessToken) }
            for _ in 1...2 {
                let first = try await client.page("limit=2&sort=title", token: ann.accessToken)
                let second = try await client.page("limit=2&sort=title&page=2", token: ann.accessToken)
                let descending = try await client.page("limit=2&sort=-title", token: ann.accessToken)
                check(first.tasks.map(\.title), ["t1", "t2"])
                check(second.tasks.map(\.title), ["t3"])
                check(descending.tasks.map(\.title), ["t3", "t2"])
            }
        }
    }

    func testTheCacheServesWhatItKeptAndStaysWithinItsBudget() {
        let cache = ListPageCache(byteBudget: 4_000)
        let body = ByteBuffer(string: String(repeating: "x", count: 400))
        XCTAssertNil(cache.page(for: "a"))
        cache.remember(body, for: "a")
        XCTAssertEqual(cache.page(for: "a"), body)
        for n in 0..<50 {
            cache.remember(body, for: "k\(n)")
            XCTAssertLessThanOrEqual(cache.storedBytes, 4_000)
        }
        XCTAssertNotNil(cache.page(for: "k49"), "the newest page survives a start-over")
        cache.remember(ByteBuffer(string: String(repeating: "y", count: 2_000)), for: "huge")
        XCTAssertNil(cache.page(for: "huge"), "a page larger than a quarter of the budget is not kept")
    }
}
