import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowSync
import TaskFlowTestSupport
import XCTest
@testable import TaskFlowTUI

/// The screen's services against a real server: the local copy's service hands out a
/// conflict, settles it as `taskflow resolve` does (sent, one undo step, the conflict gone
/// from what it reports), and counts stats over a filter; the online service has no
/// conflicts and says its stats count every task.
final class ReplicaServiceConflictTests: XCTestCase {
    private static let password = "correct horse battery"

    private func signedIn(_ server: ServerProcess) async throws -> APIClient {
        let client = APIClient(session: try Session(server: server.address, store: InMemoryCredentialStore()))
        _ = try await client.login(email: "ada@example.com", password: Self.password)
        return client
    }

    func testResolveKeepsMineForTheChosenFieldsAndIsOneUndoStep() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let home = try TemporaryDirectory(prefix: "taskflow-service-conflict")
        defer { home.remove() }
        let first = APIClient(session: try Session(server: server.address, store: InMemoryCredentialStore()))
        _ = try await first.register(name: "Ada", email: "ada@example.com", password: Self.password)
        let task = try await first.createTask(TaskChanges(title: "Shared")).value
        _ = try await first.createTask(TaskChanges(title: "Finished", status: .done)).value

        let online = APITaskService(client: try await signedIn(server)) { _ in throw ServiceFailure(message: "one server only") }
        let service = ReplicaTaskService(online: online, environment: ["XDG_STATE_HOME": home.path])
        _ = try await service.page(TaskQuery())  // fills the local copy

        let done = try await service.stats(matching: TaskQuery(statuses: [.done]))
        let searched = try await service.stats(matching: TaskQuery(search: "finished"))
        XCTAssertEqual(done, searched)
        XCTAssertTrue(done.followsFilter)
        XCTAssertEqual(done.stats.total, 1)
        XCTAssertEqual(done.stats.byStatus.done, 1)
        let all = try await service.stats(matching: TaskQuery())
        XCTAssertEqual(all.stats.total, 2)
        let everything = try await online.stats(matching: TaskQuery(statuses: [.done]))
        XCTAssertFalse(everything.followsFilter)
        XCTAssertEqual(everything.stats.total, 2, "the server's stats take no filter")

        // Renamed elsewhere while this copy changes the priority of version 1: 412.
        _ = try await first.updateTask(id: task.id, TaskChanges(title: "Theirs"))
        // What the service tells the screens about conflicts, latest last.
        let reports = Locked<[[String]]>([])
        let feed = Task {
            for await update in service.liveUpdates() {
                if case .localCopy(_, let conflicts, _) = update { reports.set(reports.get() + [conflicts]) }
            }
        }
        defer { feed.cancel() }
        _ = try await service.update(id: task.id, TaskChanges(priority: .high))
        try await eventually("the change kept as a conflict") { (try? await service.conflict(id: task.id)) != nil }
        let conflict = try await service.conflict(id: task.id)
        XCTAssertEqual(conflict.differingFields, [.title, .priority])

        try await service.resolve(id: task.id, keepingMine: [.priority])
        try await eventually("the settled task on the server") {
            let settled = try await first.task(id: task.id).value
            return settled.title == "Theirs" && settled.priority == .high
        }
        XCTAssertTrue(reports.get().contains([task.id]), "the conflict was reported: \(reports.get())")
        try await eventually("a report with no conflict left") { reports.get().last == [] }
        do {
            _ = try await service.conflict(id: task.id)
            XCTFail("the conflict is settled")
        } catch {}
        let undone = try await service.undo()
        XCTAssertEqual(undone.label, "resolve \(task.id)")
        try await eventually("the undo on the server") { try await first.task(id: task.id).value.priority == .medium }

        do {
            try await online.resolve(id: task.id, keepingMine: [])
            XCTFail("the online path keeps no conflicts")
        } catch {
            XCTAssertTrue(error.message.contains("--no-cache"), error.message)
        }
    }
}
