import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer
import TaskFlowTestSupport

/// `GET /tasks/stats`.
final class StatsTests: XCTestCase {
    private static let day: TimeInterval = 86_400

    func testEmptyStatsHaveFourteenZeroDaysEndingToday() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let response = try await client.get("/api/v1/tasks/stats", token: token)
            XCTAssertEqual(response.status, .ok, response.text)
            let object = try XCTUnwrap(jsonObject(response))
            XCTAssertEqual(
                Set(object.keys), ["total", "byStatus", "byPriority", "overdue", "dueToday", "dueThisWeek", "completedPerDay"])
            XCTAssertEqual(object["byStatus"] as? [String: Int], ["todo": 0, "in-progress": 0, "done": 0])
            XCTAssertEqual(object["byPriority"] as? [String: Int], ["low": 0, "medium": 0, "high": 0])
            let stats = try response.decode(TaskStats.self)
            XCTAssertEqual(stats.total, 0)
            XCTAssertEqual(stats.completedPerDay.count, 14)
            XCTAssertTrue(stats.completedPerDay.allSatisfy { $0.count == 0 })
            let now = Date()
            XCTAssertEqual(stats.completedPerDay.map(\.date), (0..<14).reversed().map { Timestamp.day(now.addingTimeInterval(-Double($0) * Self.day)) })
        }
    }

    func testCountsByStatusAndPriority() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            for body in [
                #"{"title":"a"}"#, #"{"title":"b","priority":"low"}"#, #"{"title":"c","priority":"high","status":"in-progress"}"#,
                #"{"title":"d","priority":"high","status":"done"}"#, #"{"title":"e","priority":"high"}"#,
            ] { _ = try await client.createTask(body, token: token) }
            let stats = try await client.get("/api/v1/tasks/stats", token: token).decode(TaskStats.self)
            XCTAssertEqual(stats.total, 5)
            XCTAssertEqual(stats.byStatus, .init(todo: 3, inProgress: 1, done: 1))
            XCTAssertEqual(stats.byPriority, .init(low: 1, medium: 1, high: 3))
        }
    }

    func testDueCountsLeaveOutDoneTasks() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let now = Date()
            let today = Timestamp.day(now)
            let twoDaysAgo = Timestamp.format(now.addingTimeInterval(-2 * Self.day))
            let inThreeDays = Timestamp.format(now.addingTimeInterval(3 * Self.day))
            let inTenDays = Timestamp.format(now.addingTimeInterval(10 * Self.day))
            for body in [
                #"{"title":"overdue","dueDate":"\#(twoDaysAgo)"}"#,
                #"{"title":"overdue, in progress","status":"in-progress","dueDate":"\#(twoDaysAgo)"}"#,
                #"{"title":"overdue but done","status":"done","dueDate":"\#(twoDaysAgo)"}"#,
                #"{"title":"today","dueDate":"\#(today)"}"#,
                #"{"title":"today but done","status":"done","dueDate":"\#(today)"}"#,
                #"{"title":"this week","dueDate":"\#(inThreeDays)"}"#,
                #"{"title":"this week but done","status":"done","dueDate":"\#(inThreeDays)"}"#,
                #"{"title":"later","dueDate":"\#(inTenDays)"}"#,
                #"{"title":"undated"}"#,
            ] { _ = try await client.createTask(body, token: token) }
            let stats = try await client.get("/api/v1/tasks/stats", token: token).decode(TaskStats.self)
            XCTAssertEqual(stats.total, 9)
            XCTAssertEqual(stats.overdue, 2)
            XCTAssertEqual(stats.dueToday, 1)
            XCTAssertEqual(stats.dueThisWeek, 2, "today's and the one in three days")
            // The list's overdue filter agrees with the count.
            check(try await client.page("overdue=true", token: token).pagination.total, stats.overdue)
        }
    }

    func testCompletedPerDayCountsTheLastFourteenDaysOldestFirst() async throws {
        try await TestServer.withRouter { client, services in
            let auth = try await client.register()
            let now = Date()
            func completed(daysAgo: Double) async throws {
                let task = try await seed(services, auth.user.id, "done \(daysAgo)", at: now.addingTimeInterval(-30 * Self.day))
                let outcome = try await services.store.updateTask(
                    userID: auth.user.id, id: task.id, changes: TaskChanges(status: .done), expectedVersion: nil,
                    now: now.addingTimeInterval(-daysAgo * Self.day))
                guard case .updated = outcome else { throw SupportError("could not complete") }
            }
            try await completed(daysAgo: 3)
            try await completed(daysAgo: 3)
            try await completed(daysAgo: 13)
            try await completed(daysAgo: 14)  // one day too old for the chart
            try await completed(daysAgo: 20)
            // And one completed right now, through the API.
            let task = try await client.createTask(#"{"title":"now"}"#, token: auth.accessToken)
            _ = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: auth.accessToken, body: #"{"status":"done"}"#)
            // A task completed and reopened counts for nothing.
            let reopened = try await client.createTask(#"{"title":"reopened","status":"done"}"#, token: auth.accessToken)
            _ = try await client.json(.patch, "/api/v1/tasks/\(reopened.id)", token: auth.accessToken, body: #"{"status":"todo"}"#)

            let stats = try await client.get("/api/v1/tasks/stats", token: auth.accessToken).decode(TaskStats.self)
            XCTAssertEqual(stats.completedPerDay.count, 14)
            XCTAssertEqual(stats.completedPerDay.first?.date, Timestamp.day(now.addingTimeInterval(-13 * Self.day)))
            XCTAssertEqual(stats.completedPerDay.last?.date, Timestamp.day(now))
            var expected = Array(repeating: 0, count: 14)
            expected[13] = 1  // today
            expected[10] = 2  // three days ago
            expected[0] = 1  // thirteen days ago
            XCTAssertEqual(stats.completedPerDay.map(\.count), expected)
            XCTAssertEqual(stats.byStatus.done, 6)
        }
    }

    func testStatsCountOnlyTheCallersTasks() async throws {
        try await TestServer.withRouter { client, _ in
            let ann = try await client.register().accessToken
            let bob = try await client.register(name: "Bob", email: "bob@example.com").accessToken
            _ = try await client.createTask(#"{"title":"Ann's","status":"done"}"#, token: ann)
            let stats = try await client.get("/api/v1/tasks/stats", token: bob).decode(TaskStats.self)
            XCTAssertEqual(stats.total, 0)
            XCTAssertEqual(stats.completedPerDay.map(\.count).reduce(0, +), 0)
        }
    }
}
