import Foundation
import XCTest
@testable import TaskFlowCore

final class TaskQueryTests: XCTestCase {
    func testDefaultsAndEveryParameter() throws {
        XCTAssertEqual(try TaskQuery.parse([]), TaskQuery())
        let query = try TaskQuery.parse([
            ("page", "3"), ("limit", "100"), ("status", "todo,in-progress"), ("priority", "high"), ("q", "milk"),
            ("dueBefore", "2026-12-24"), ("dueAfter", "2026-12-01T08:00:00Z"), ("overdue", "true"), ("sort", "-dueDate"),
            ("unknown", "ignored"),
        ])
        XCTAssertEqual(query.page, 3)
        XCTAssertEqual(query.limit, 100)
        XCTAssertEqual(query.statuses, [.todo, .inProgress])
        XCTAssertEqual(query.priorities, [.high])
        XCTAssertEqual(query.search, "milk")
        XCTAssertEqual(query.dueBefore.map { Timestamp.format($0.upperLimit) }, "2026-12-24T23:59:59.999Z")
        XCTAssertEqual(query.dueAfter.map { Timestamp.format($0.lowerLimit) }, "2026-12-01T08:00:00.000Z")
        XCTAssertTrue(query.overdue)
        XCTAssertEqual(query.sort, TaskSort(.dueDate, descending: true))
    }

    func testEveryBadValueIsNamed() {
        let bad: [(String, String)] = [
            ("page", "0"), ("page", "-1"), ("page", "x"), ("page", "99999999999999999999"), ("limit", "0"), ("limit", "101"),
            ("status", "urgent"), ("status", ""), ("priority", "todo"), ("dueBefore", "soon"), ("dueAfter", "2026-02-30"),
            ("overdue", "maybe"), ("sort", "size"), ("sort", "--title"),
        ]
        for (name, value) in bad {
            XCTAssertThrowsError(try TaskQuery.parse([(name, value)]), "\(name)=\(value)") { error in
                XCTAssertEqual((error as? ValidationFailure)?.problems.first?.field, name)
            }
        }
    }

    func testQueryItemsRoundTripThroughParse() throws {
        let query = TaskQuery(
            page: 2, limit: 50, statuses: [.done], priorities: [.low, .medium], search: "c++ & \"quotes\"",
            dueBefore: DueBound("2026-12-24"), overdue: true, sort: TaskSort(.title, descending: false))
        let parsed = try TaskQuery.parse(query.queryItems.map { ($0.name, $0.value ?? "") })
        XCTAssertEqual(parsed, query)
        XCTAssertEqual(parsed.canonicalKey, query.canonicalKey)
    }

    func testSearchWordsAreLettersDigitsAndMarksOnly() {
        func words(_ q: String) -> [String] { TaskQuery(search: q).searchWords }
        XCTAssertEqual(words("  buy \"milk\" NEAR(eggs* OR (bread"), ["buy", "milk", "NEAR", "eggs", "OR", "bread"])
        XCTAssertEqual(words("café crème"), ["café", "crème"])
        XCTAssertEqual(words("ภาษาไทย 日本語 🎉"), ["ภาษาไทย", "日本語"])
        XCTAssertEqual(words("*** () \" ^ :"), [])
    }

    func testCanonicalKeyIgnoresOrderOfListValues() {
        XCTAssertEqual(
            TaskQuery(statuses: [.todo, .done]).canonicalKey, TaskQuery(statuses: [.done, .todo]).canonicalKey)
        XCTAssertNotEqual(TaskQuery(page: 1).canonicalKey, TaskQuery(page: 2).canonicalKey)
    }
}
