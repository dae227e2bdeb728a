import Foundation
import XCTest
@testable import TaskFlowCore

final class TaskChangesTests: XCTestCase {
    private func decode(_ json: String) throws -> TaskChanges {
        try TaskFlowJSON.decode(TaskChanges.self, from: Data(json.utf8))
    }

    func testDueDateHasThreeStates() throws {
        XCTAssertNil(try decode("{}").dueDate)
        XCTAssertEqual(try decode(#"{"dueDate":null}"#).dueDate, .clear)
        XCTAssertEqual(
            try decode(#"{"dueDate":"2026-12-24"}"#).dueDate, .set(Timestamp.parse("2026-12-24T23:59:59.999Z")!))
        XCTAssertThrowsError(try decode(#"{"dueDate":"next week"}"#))
    }

    func testNullIsRefusedForOtherFields() {
        for field in ["title", "description", "status", "priority"] {
            XCTAssertThrowsError(try decode(#"{"\#(field)":null}"#), field)
        }
    }

    func testEncodingSendsOnlyWhatChanges() throws {
        let changes = TaskChanges(status: .inProgress, dueDate: .clear)
        let text = String(decoding: try TaskFlowJSON.encode(changes), as: UTF8.self)
        XCTAssertEqual(text, #"{"dueDate":null,"status":"in-progress"}"#)
        XCTAssertEqual(try decode(text), changes)
    }

    func testTaskEncodesAbsentDatesAsNull() throws {
        let task = TaskItem(id: "1", title: "t", createdAt: Date(millis: 0), updatedAt: Date(millis: 0))
        let object = try JSONSerialization.jsonObject(with: TaskFlowJSON.encode(task)) as? [String: Any]
        XCTAssertTrue(object?["dueDate"] is NSNull)
        XCTAssertTrue(object?["completedAt"] is NSNull)
        XCTAssertEqual(object?["createdAt"] as? String, "1970-01-01T00:00:00.000Z")
    }

    func testValidationCountsCodePointsAndTrims() {
        XCTAssertEqual(try? Validation.title("  hi  ").get(), "hi")
        XCTAssertNotNil(Validation.title(String(repeating: "字", count: 201)).failure)
        XCTAssertNil(Validation.title(String(repeating: "字", count: 200)).failure)
        XCTAssertEqual(try? Validation.email("  Ann@Example.COM ").get(), "ann@example.com")
        for bad in ["ann", "ann@", "@x.com", "a b@x.com", "ann@localhost"] {
            XCTAssertNotNil(Validation.email(bad).failure, bad)
        }
        XCTAssertNotNil(Validation.password("short"))
        XCTAssertNil(Validation.password("long enough"))
    }
}

private extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
