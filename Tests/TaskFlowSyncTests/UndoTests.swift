import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowSync
import TaskFlowTestSupport
import XCTest

/// Undo and redo through the replica, checked on the server after sync.
final class UndoTests: XCTestCase {
    func testUndoAndRedoOfABulkActionAreOneStepEach() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let other = try await fixture.api()
        var ids: [String] = []
        for n in 1...3 { ids.append(try await other.createTask(TaskChanges(title: "Task \(n)")).value.id) }
        let (replica, engine) = try await fixture.client()
        try await engine.sync()
        try replica.perform(ids.map { .update(id: $0, TaskChanges(status: .done)) }, label: "complete 3 tasks")
        try await engine.sync()
        check(try await other.allTasks().filter { $0.status == .done }.count, 3)

        let undone = try replica.undo()
        XCTAssertEqual(undone.label, "complete 3 tasks")
        XCTAssertEqual(Set(undone.restored), Set(ids))
        try await engine.sync()
        check(try await other.allTasks().filter { $0.status == .todo }.count, 3, "one undo brought all three back")

        let redone = try replica.redo()
        XCTAssertEqual(Set(redone.restored), Set(ids))
        try await engine.sync()
        check(try await other.allTasks().filter { $0.status == .done }.count, 3)
        XCTAssertNil(try replica.redo().label, "nothing more to redo")
    }

    func testADeletedTaskComesBackUnderItsID() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let other = try await fixture.api()
        let task = try await other.createTask(TaskChanges(title: "Precious", description: "keep me", priority: .high)).value
        let (replica, engine) = try await fixture.client()
        try await engine.sync()
        try replica.perform([.delete(id: task.id)], label: "delete")
        try await engine.sync()
        check(try await other.allTasks().count, 0)
        _ = try replica.undo()
        try await engine.sync()
        let back = try await other.task(id: task.id).value
        XCTAssertEqual(back.title, "Precious")
        XCTAssertEqual(back.description, "keep me")
        XCTAssertEqual(back.priority, .high)
        XCTAssertEqual(back.createdAt, task.createdAt)
        XCTAssertEqual(back.version, 3, "its version continues from the deletion's")
    }

    func testUndoSkipsATaskChangedElsewhereSince() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let other = try await fixture.api()
        let a = try await other.createTask(TaskChanges(title: "A")).value
        let b = try await other.createTask(TaskChanges(title: "B")).value
        let (replica, engine) = try await fixture.client()
        try await engine.sync()
        try replica.perform([.update(id: a.id, TaskChanges(priority: .high)), .update(id: b.id, TaskChanges(priority: .high))], label: "raise")
        try await engine.sync()
        _ = try await other.updateTask(id: b.id, TaskChanges(title: "B, renamed elsewhere"))
        try await engine.sync()
        let outcome = try replica.undo()
        XCTAssertEqual(outcome.restored, [a.id])
        XCTAssertEqual(outcome.skipped, [b.id], "undo says which task it left alone")
        try await engine.sync()
        check(try await other.task(id: a.id).value.priority, .medium)
        let kept = try await other.task(id: b.id).value
        XCTAssertEqual(kept.title, "B, renamed elsewhere")
        XCTAssertEqual(kept.priority, .high, "never overwritten by undo")
    }
}
