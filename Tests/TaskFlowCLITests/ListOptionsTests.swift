@testable import TaskFlowCLI
import TaskFlowCore
import XCTest

/// `taskflow ls` options as the parser reads them, without a server.
final class ListOptionsTests: XCTestCase {
    func testRepeatedStatusAndPriorityAccumulate() throws {
        let query = try ListCommand.parse(["--status", "todo", "--status", "done", "-p", "high", "--priority", "low"]).query()
        XCTAssertEqual(query.statuses, [.todo, .done])
        XCTAssertEqual(query.priorities, [.high, .low])
    }

    func testShortOptionsAreTheOnesTheManPageNames() throws {
        let query = try ListCommand.parse(["-q", "milk", "-s", "in-progress,todo"]).query()
        XCTAssertEqual(query.search, "milk")
        XCTAssertEqual(query.statuses, [.inProgress, .todo])
    }
}
