import Foundation
import XCTest
@testable import TaskFlowCore

/// The fast writer must spell tasks and pages exactly as the Codable path does.
final class JSONWriterTests: XCTestCase {
    private func sample(_ title: String, description: String = "", due: Date? = nil) -> TaskItem {
        TaskItem(
            id: "01J0", title: title, description: description, status: .inProgress, priority: .high, dueDate: due,
            completedAt: nil, createdAt: Date(millis: 1_796_117_400_123), updatedAt: Date(millis: 1_796_117_400_999), version: 7)
    }

    func testTasksMatchTheCodableEncodingByteForByte() throws {
        let awkward = "quote \" back \\ slash / nl \n tab \t cr \r bell \u{7} nul \u{0} esc \u{1B}[31m del \u{7F} "
            + "ภาษาไทย 日本語 👨‍👩‍👧 e\u{301} \u{2028}"
        for task in [sample("plain"), sample(awkward, description: awkward, due: Date(millis: -1)), sample("")] {
            var w = JSONWriter()
            task.writeJSON(into: &w)
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), String(decoding: try TaskFlowJSON.encode(task), as: UTF8.self))
            XCTAssertEqual(try TaskFlowJSON.decode(TaskItem.self, from: Data(w.bytes)), task)
        }
    }

    func testPagesMatchTheCodableEncodingByteForByte() throws {
        for count in [0, 1, 3] {
            let page = TaskPage(
                tasks: (0..<count).map { sample("task \($0)") }, pagination: Pagination(page: 2, limit: 3, total: 8))
            var w = JSONWriter()
            page.writeJSON(into: &w)
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), String(decoding: try TaskFlowJSON.encode(page), as: UTF8.self))
        }
    }
}
