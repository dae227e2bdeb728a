import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// `q`: full-text search over title and description, every word (AND), the last as a
/// prefix, safe for any input.
final class SearchTests: XCTestCase {
    private func searchFixture(
        _ test: @escaping @Sendable (any TestClientProtocol, String, _ search: @escaping @Sendable (String) async throws -> Set<String>) async throws -> Void
    ) async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            for (title, description) in [
                ("Buy milk", "and eggs from the corner shop"), ("Buy bread", ""), ("Call mom", "about the milkshake recipe"),
                ("Café crème", "résumé review"), ("项目会议", "准备 演示"), ("東京 旅行", ""), ("C++ refactor", "NEAR the end"),
            ] {
                _ = try await client.createTask(#"{"title":"\#(title)","description":"\#(description)"}"#, token: token)
            }
            let search: @Sendable (String) async throws -> Set<String> = { q in
                let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q
                return Set(try await client.titles("q=\(encoded)", token: token))
            }
            try await test(client, token, search)
        }
    }

    func testEveryWordMustMatch() async throws {
        try await searchFixture { _, _, search in
            check(try await search("buy"), ["Buy milk", "Buy bread"])
            check(try await search("buy milk"), ["Buy milk"])
            check(try await search("milk buy"), ["Buy milk"], "word order does not matter")
            check(try await search("buy eggs"), ["Buy milk"], "title and description together")
            check(try await search("buy mom"), [])
        }
    }

    func testOnlyTheLastWordIsAPrefix() async throws {
        try await searchFixture { _, _, search in
            check(try await search("mil"), ["Buy milk", "Call mom"], "milk and milkshake")
            check(try await search("buy mil"), ["Buy milk"])
            check(try await search("bu milk"), [], "an earlier word must match whole")
            check(try await search("BUY MILK"), ["Buy milk"], "case-insensitive")
        }
    }

    func testDiacriticsAreIgnored() async throws {
        try await searchFixture { _, _, search in
            check(try await search("cafe creme"), ["Café crème"])
            check(try await search("café"), ["Café crème"])
            check(try await search("resume"), ["Café crème"])
            check(try await search("re\u{301}sume\u{301}"), ["Café crème"], "decomposed accents")
        }
    }

    func testCJK() async throws {
        try await searchFixture { _, _, search in
            check(try await search("项目会议"), ["项目会议"])
            check(try await search("项目"), ["项目会议"], "prefix of a run of CJK characters")
            check(try await search("旅行"), ["東京 旅行"])
            check(try await search("東京 旅"), ["東京 旅行"])
            check(try await search("演示"), ["项目会议"])
        }
    }

    func testHostileInputNeverErrors() async throws {
        try await searchFixture { client, token, search in
            let hostile = [
                "\"", "\"milk", "milk\"", "\"buy milk\"", "*", "mil*", "**", "NEAR", "NEAR(buy milk)", "buy NEAR milk",
                "AND OR NOT", "buy AND milk", "buy OR bread", "NOT milk", "milk NOT", "(milk", "milk)", "((", ")", "^milk",
                "^", "title:milk", ":", "description:eggs", "-milk", "+milk", "{milk}", "[milk]", "'", "'; DROP TABLE tasks; --",
                "\\", "%", "_", "\u{0}", "milk\u{0}", "c++", "\u{FEFF}", "😀", String(repeating: "a ", count: 500),
            ]
            for q in hostile {
                let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q
                let response = try await client.get("/api/v1/tasks?q=\(encoded)", token: token)
                XCTAssertEqual(response.status, .ok, "q=\(q.debugDescription): \(response.text.prefix(200))")
            }
            // The words inside are still searched for.
            check(try await search("\"milk"), ["Buy milk", "Call mom"])
            check(try await search("^buy milk\""), ["Buy milk"])
            check(try await search("(buy) OR"), [], "OR is a word here, not an operator")
            check(try await search("near"), ["C++ refactor"], "NEAR is a word here")
            check(try await search("c++"), ["C++ refactor", "Café crème", "Call mom", "Buy milk"], "c, as a prefix: corner too")
            check(try await client.page("limit=100", token: token).pagination.total, 7, "the table is intact")
        }
    }

    func testAQueryWithNoWordsIsIgnored() async throws {
        try await searchFixture { client, token, search in
            for q in ["", " ", "!!!", "* ( ) \" ^ :", "--", "\u{3000}"] {
                check(try await search(q).count, 7, "q=\(q.debugDescription)")
            }
            check(try await client.page("q=", token: token).pagination.total, 7)
        }
    }

    func testSearchCombinesWithFiltersAndPagination() async throws {
        try await searchFixture { client, token, _ in
            let buy = try await client.page("q=buy&limit=1", token: token)
            XCTAssertEqual(buy.pagination.total, 2)
            XCTAssertEqual(buy.pagination.pages, 2)
            check(try await client.titles("q=buy&sort=title", token: token), ["Buy bread", "Buy milk"])
            check(try await client.page("q=buy&status=done", token: token).pagination.total, 0)
        }
    }

    func testIndexFollowsUpdatesAndDeletes() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"Paint fence"}"#, token: token)
            _ = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: token, body: #"{"title":"Mow lawn","description":"front"}"#)
            check(try await client.page("q=paint", token: token).pagination.total, 0)
            check(try await client.titles("q=mow+front", token: token), ["Mow lawn"])
            _ = try await client.json(.delete, "/api/v1/tasks/\(task.id)", token: token)
            check(try await client.page("q=mow", token: token).pagination.total, 0)
        }
    }

    func testSearchNeverFindsAnotherUsersTasks() async throws {
        try await TestServer.withRouter { client, _ in
            let ann = try await client.register().accessToken
            let bob = try await client.register(name: "Bob", email: "bob@example.com").accessToken
            _ = try await client.createTask(#"{"title":"Secret plan"}"#, token: ann)
            check(try await client.page("q=secret", token: bob).pagination.total, 0)
            check(try await client.page("q=secret", token: ann).pagination.total, 1)
        }
    }
}
