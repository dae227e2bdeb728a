import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer
import TaskFlowTestSupport

/// `GET /tasks`: pagination, each filter, every sort order with its tie-break, nulls last.
final class TaskListTests: XCTestCase {
    func testEmptyList() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let response = try await client.get("/api/v1/tasks", token: token)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(try response.decode(TaskPage.self), TaskPage(tasks: [], pagination: Pagination(page: 1, limit: 20, total: 0)))
            let pagination = try XCTUnwrap(jsonObject(response)?["pagination"] as? [String: Int])
            XCTAssertEqual(pagination, ["page": 1, "limit": 20, "total": 0, "pages": 0])
        }
    }

    func testPaginationCoversEveryTaskOnce() async throws {
        try await TestServer.withRouter { client, services in
            let auth = try await client.register()
            let t0 = Date()
            for i in 0..<25 { _ = try await seed(services, auth.user.id, "task \(i)", at: t0.addingTimeInterval(Double(i % 5))) }
            var seen: [String] = []
            for page in 1...3 {
                let result = try await client.page("page=\(page)&limit=10", token: auth.accessToken)
                XCTAssertEqual(result.pagination, Pagination(page: page, limit: 10, total: 25))
                XCTAssertEqual(result.pagination.pages, 3)
                XCTAssertEqual(result.tasks.count, page < 3 ? 10 : 5)
                seen += result.tasks.map(\.id)
            }
            XCTAssertEqual(Set(seen).count, 25, "no task repeated or skipped")
            let defaultLimit = try await client.page(token: auth.accessToken)
            XCTAssertEqual(defaultLimit.tasks.count, 20)
            XCTAssertEqual(defaultLimit.pagination.limit, 20)
        }
    }

    func testPagePastTheLastIsEmptyWithTrueTotals() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            for i in 0..<3 { _ = try await client.createTask(#"{"title":"t\#(i)"}"#, token: token) }
            let result = try await client.page("page=7&limit=2", token: token)
            XCTAssertEqual(result.tasks, [])
            XCTAssertEqual(result.pagination, Pagination(page: 7, limit: 2, total: 3))
            XCTAssertEqual(result.pagination.pages, 2)
        }
    }

    func testDefaultOrderIsNewestFirst() async throws {
        try await TestServer.withRouter { client, services in
            let auth = try await client.register()
            let t0 = Date()
            for (i, title) in ["old", "middle", "new"].enumerated() {
                _ = try await seed(services, auth.user.id, title, at: t0.addingTimeInterval(Double(i)))
            }
            check(try await client.titles("", token: auth.accessToken), ["new", "middle", "old"])
            check(try await client.titles("sort=-createdAt", token: auth.accessToken), ["new", "middle", "old"])
            check(try await client.titles("sort=createdAt", token: auth.accessToken), ["old", "middle", "new"])
        }
    }

    func testPriorityAndStatusSortByRankNotByName() async throws {
        try await TestServer.withRouter { client, services in
            let auth = try await client.register()
            let t0 = Date()
            _ = try await seed(services, auth.user.id, "m", status: .inProgress, priority: .medium, at: t0)
            _ = try await seed(services, auth.user.id, "h", status: .todo, priority: .high, at: t0.addingTimeInterval(1))
            _ = try await seed(services, auth.user.id, "l", status: .done, priority: .low, at: t0.addingTimeInterval(2))
            check(try await client.titles("sort=priority", token: auth.accessToken), ["l", "m", "h"])
            check(try await client.titles("sort=-priority", token: auth.accessToken), ["h", "m", "l"])
            check(try await client.titles("sort=status", token: auth.accessToken), ["h", "m", "l"], "todo < in-progress < done")
            check(try await client.titles("sort=-status", token: auth.accessToken), ["l", "m", "h"])
        }
    }

    func testTitleSortIgnoresCase() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            for title in ["banana", "Cherry", "apple", "Éclair", "date"] { _ = try await client.createTask(#"{"title":"\#(title)"}"#, token: token) }
            check(try await client.titles("sort=title", token: token), ["apple", "banana", "Cherry", "date", "Éclair"])
            check(try await client.titles("sort=-title", token: token), ["Éclair", "date", "Cherry", "banana", "apple"])
        }
    }

    func testDueDateSortPutsTasksWithoutDueDateLastInBothDirections() async throws {
        try await TestServer.withRouter { client, services in
            let auth = try await client.register()
            let t0 = Date()
            _ = try await seed(services, auth.user.id, "none1", at: t0)
            _ = try await seed(services, auth.user.id, "later", due: "2026-06-02", at: t0.addingTimeInterval(1))
            _ = try await seed(services, auth.user.id, "none2", at: t0.addingTimeInterval(2))
            _ = try await seed(services, auth.user.id, "sooner", due: "2026-06-01", at: t0.addingTimeInterval(3))
            let ascending = try await client.page("sort=dueDate", token: auth.accessToken).tasks
            XCTAssertEqual(Array(ascending.map(\.title).prefix(2)), ["sooner", "later"])
            XCTAssertEqual(Set(ascending.map(\.title).suffix(2)), ["none1", "none2"])
            let descending = try await client.page("sort=-dueDate", token: auth.accessToken).tasks
            XCTAssertEqual(Array(descending.map(\.title).prefix(2)), ["later", "sooner"])
            XCTAssertEqual(Set(descending.map(\.title).suffix(2)), ["none1", "none2"])
            // Among the undated, ties break by id in the sort's direction.
            let undatedAsc = ascending.suffix(2).map(\.id), undatedDesc = descending.suffix(2).map(\.id)
            XCTAssertEqual(undatedAsc, undatedAsc.sorted())
            XCTAssertEqual(undatedDesc, undatedDesc.sorted(by: >))
        }
    }

    /// Every sort, both directions, against the contract's rule written out here:
    /// the field, then id in the same direction, undated tasks last.
    func testEverySortOrderMatchesTheContractRule() async throws {
        try await TestServer.withRouter { client, services in
            let auth = try await client.register()
            let t0 = Date().addingTimeInterval(-100)
            let titles = ["b", "A", "c", "a", "B", "d", "C", "e"]
            var tasks: [TaskItem] = []
            for (i, title) in titles.enumerated() {
                // Plenty of ties: two creation instants, three priorities, three statuses, some shared due dates.
                tasks.append(try await seed(
                    services, auth.user.id, title, status: TaskStatus.allCases[i % 3], priority: TaskPriority.allCases[(i / 2) % 3],
                    due: [nil, "2026-06-01", "2026-06-02", "2026-06-01"][i % 4], at: t0.addingTimeInterval(Double(i % 2))))
            }
            // Two updates at one instant give updatedAt ties too.
            for task in tasks.prefix(3) {
                _ = try await services.store.updateTask(
                    userID: auth.user.id, id: task.id, changes: TaskChanges(description: "edited"), expectedVersion: nil, now: t0.addingTimeInterval(50))
            }
            let stored = try await client.page("limit=100", token: auth.accessToken).tasks
            for field in TaskSort.Field.allCases {
                for descending in [false, true] {
                    let sort = TaskSort(field, descending: descending)
                    let expected = stored.sorted { contractOrder($0, $1, sort) }.map(\.id)
                    let actual = try await client.page("sort=\(sort)&limit=100", token: auth.accessToken).tasks.map(\.id)
                    XCTAssertEqual(actual, expected, "sort=\(sort)")
                    // Paging through in threes gives the same sequence.
                    var paged: [String] = []
                    for page in 1...3 { paged += try await client.page("sort=\(sort)&limit=3&page=\(page)", token: auth.accessToken).tasks.map(\.id) }
                    XCTAssertEqual(paged, expected, "paged sort=\(sort)")
                }
            }
        }
    }

    func testUpdatedAtSortFollowsEdits() async throws {
        try await TestServer.withRouter { client, services in
            let auth = try await client.register()
            let t0 = Date().addingTimeInterval(-10)
            let first = try await seed(services, auth.user.id, "first", at: t0)
            _ = try await seed(services, auth.user.id, "second", at: t0.addingTimeInterval(1))
            _ = try await client.json(.patch, "/api/v1/tasks/\(first.id)", token: auth.accessToken, body: #"{"priority":"high"}"#)
            check(try await client.titles("sort=-updatedAt", token: auth.accessToken), ["first", "second"])
            check(try await client.titles("sort=updatedAt", token: auth.accessToken), ["second", "first"])
        }
    }

    func testStatusAndPriorityFilters() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            _ = try await client.createTask(#"{"title":"todo-low","priority":"low"}"#, token: token)
            _ = try await client.createTask(#"{"title":"prog-high","status":"in-progress","priority":"high"}"#, token: token)
            _ = try await client.createTask(#"{"title":"done-high","status":"done","priority":"high"}"#, token: token)
            _ = try await client.createTask(#"{"title":"todo-medium"}"#, token: token)
            func titles(_ query: String) async throws -> Set<String> { Set(try await client.titles(query, token: token)) }
            check(try await titles("status=todo"), ["todo-low", "todo-medium"])
            check(try await titles("status=todo,done"), ["todo-low", "todo-medium", "done-high"])
            check(try await titles("status=in-progress"), ["prog-high"])
            check(try await titles("priority=high"), ["prog-high", "done-high"])
            check(try await titles("priority=low,medium"), ["todo-low", "todo-medium"])
            check(try await titles("status=todo&priority=low"), ["todo-low"], "filters combine with AND")
            check(try await titles("status=done&priority=low"), [])
            check(try await client.page("status=done,todo&priority=high", token: token).pagination.total, 1)
        }
    }

    func testDueBoundsAreInclusiveAndABareDateCoversTheWholeDay() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            for (title, due) in [
                ("may9-end", "2026-05-09T23:59:59.999Z"), ("may10-start", "2026-05-10T00:00:00.000Z"),
                ("may10-noon", "2026-05-10T12:00:00.000Z"), ("may10-end", "2026-05-10"), ("may11-start", "2026-05-11T00:00:00.000Z"),
            ] {
                _ = try await client.createTask(#"{"title":"\#(title)","dueDate":"\#(due)"}"#, token: token)
            }
            _ = try await client.createTask(#"{"title":"undated"}"#, token: token)
            func titles(_ query: String) async throws -> Set<String> { Set(try await client.titles(query, token: token)) }
            check(try await titles("dueBefore=2026-05-10"), ["may9-end", "may10-start", "may10-noon", "may10-end"])
            check(try await titles("dueAfter=2026-05-10"), ["may10-start", "may10-noon", "may10-end", "may11-start"])
            check(try await titles("dueAfter=2026-05-10&dueBefore=2026-05-10"), ["may10-start", "may10-noon", "may10-end"])
            check(try await titles("dueBefore=2026-05-10T12:00:00.000Z"), ["may9-end", "may10-start", "may10-noon"], "timestamp bound is inclusive")
            check(try await titles("dueAfter=2026-05-10T12:00:00.000Z"), ["may10-noon", "may10-end", "may11-start"])
            check(try await titles("dueAfter=2026-05-10T14:00:00%2B02:00"), ["may10-noon", "may10-end", "may11-start"], "offsets are honoured")
        }
    }

    func testOverdueIsDueBeforeNowAndNotDone() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let past = Timestamp.format(Date().addingTimeInterval(-3600)), future = Timestamp.format(Date().addingTimeInterval(3600))
            _ = try await client.createTask(#"{"title":"late","dueDate":"\#(past)"}"#, token: token)
            _ = try await client.createTask(#"{"title":"late-prog","status":"in-progress","dueDate":"\#(past)"}"#, token: token)
            _ = try await client.createTask(#"{"title":"late-done","status":"done","dueDate":"\#(past)"}"#, token: token)
            _ = try await client.createTask(#"{"title":"soon","dueDate":"\#(future)"}"#, token: token)
            _ = try await client.createTask(#"{"title":"undated"}"#, token: token)
            check(Set(try await client.titles("overdue=true", token: token)), ["late", "late-prog"])
            check(try await client.page("overdue=false", token: token).pagination.total, 5)
            check(try await client.titles("overdue=true&status=in-progress", token: token), ["late-prog"])
        }
    }

    func testBadFilterValuesAreValidationErrors() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            for (query, field) in [
                ("status=blocked", "status"), ("status=todo,nope", "status"), ("status=", "status"), ("priority=urgent", "priority"),
                ("dueBefore=tomorrow", "dueBefore"), ("dueAfter=2026-02-30", "dueAfter"), ("overdue=yes", "overdue"),
            ] {
                let response = try await client.get("/api/v1/tasks?\(query)", token: token)
                assertAPIError(response, .badRequest, "validation_failed", fields: [field], messageContains: field)
            }
        }
    }
}

/// A task stored directly with a chosen creation time (and an id made at that time).
func seed(
    _ services: ServerServices, _ userID: String, _ title: String, description: String = "", status: TaskStatus = .todo,
    priority: TaskPriority = .medium, due: String? = nil, at now: Date
) async throws -> TaskItem {
    let draft = TaskDraft(title: title, description: description, status: status, priority: priority, dueDate: due.flatMap(DueDate.parse))
    guard case .created(let task) = try await services.store.createTask(userID: userID, draft: draft, now: now, idempotency: nil) else {
        throw SupportError("seed failed")
    }
    return task
}

/// API.md's order: the field (priority and status by rank, title ignoring case, undated
/// last either way), then id, both in the sort's direction.
func contractOrder(_ a: TaskItem, _ b: TaskItem, _ sort: TaskSort) -> Bool {
    func ordered<T: Comparable>(_ x: T, _ y: T) -> Bool? {
        x == y ? nil : (sort.descending ? x > y : x < y)
    }
    let decided: Bool?
    switch sort.field {
    case .createdAt: decided = ordered(a.createdAt, b.createdAt)
    case .updatedAt: decided = ordered(a.updatedAt, b.updatedAt)
    case .priority: decided = ordered(a.priority.rank, b.priority.rank)
    case .status: decided = ordered(a.status.rank, b.status.rank)
    case .title: decided = ordered(a.title.lowercased(), b.title.lowercased())
    case .dueDate:
        switch (a.dueDate, b.dueDate) {
        case (nil, nil): decided = nil
        case (nil, _): return false
        case (_, nil): return true
        case let (x?, y?): decided = ordered(x, y)
        }
    }
    return decided ?? (sort.descending ? a.id > b.id : a.id < b.id)
}
