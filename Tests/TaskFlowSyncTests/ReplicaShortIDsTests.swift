import Foundation
@testable import TaskFlowSync
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// The replica's short ids: every task of the copy, made again only when an id comes or goes.
final class ReplicaShortIDsTests: XCTestCase {
    private func replica() throws -> (Replica, TemporaryDirectory) {
        let directory = try TemporaryDirectory(prefix: "taskflow-shortids")
        return (try Replica(path: directory.path + "/copy.sqlite", userID: "u1"), directory)
    }

    private func generation(_ replica: Replica) throws -> String? {
        try replica.pool.read { db in try Replica.meta("id_generation", db: db) }
    }

    func testShortIDsFollowTheIDsThatComeAndGo() throws {
        let (replica, directory) = try replica()
        defer { directory.remove() }
        let created = try replica.perform((1...3).map { .create(TaskChanges(title: "Task \($0)")) }, label: "add").compactMap { $0 }
        XCTAssertEqual(try replica.shortIDs().count, 3)
        for task in created { XCTAssertEqual(try replica.shortIDs().resolve(replica.shortIDs().short(task.id)), .found(task.id)) }

        // An edit changes no id: the set (and its generation) stays.
        let before = try generation(replica)
        try replica.perform([.update(id: created[0].id, TaskChanges(title: "Renamed"))], label: "edit")
        XCTAssertEqual(try generation(replica), before)

        try replica.perform([.delete(id: created[1].id)], label: "delete")
        XCTAssertNotEqual(try generation(replica), before)
        XCTAssertEqual(try replica.shortIDs().count, 2)
        XCTAssertEqual(try replica.shortIDs().resolve(created[1].id), .found(created[1].id), "a whole id is taken as it is")
        XCTAssertEqual(try replica.shortIDs().resolve(String(created[1].id.suffix(6))), .notFound)
    }

    func testTheRowOfATaskFollowsTheQuerysFilterAndSort() throws {
        let (replica, directory) = try replica()
        defer { directory.remove() }
        let tasks = try replica.perform(
            [.create(TaskChanges(title: "Banana")), .create(TaskChanges(title: "apple", priority: .high)), .create(TaskChanges(title: "Cherry"))],
            label: "add").compactMap { $0 }
        let byTitle = TaskQuery(sort: TaskSort(.title, descending: false))
        XCTAssertEqual(try replica.row(of: tasks[0].id, in: byTitle), 1)
        XCTAssertEqual(try replica.row(of: tasks[1].id, in: byTitle), 0)
        XCTAssertEqual(try replica.row(of: tasks[2].id, in: byTitle), 2)
        var high = byTitle
        high.priorities = [.high]
        XCTAssertEqual(try replica.row(of: tasks[1].id, in: high), 0)
        XCTAssertNil(try replica.row(of: tasks[0].id, in: high), "filtered out")
    }
}
