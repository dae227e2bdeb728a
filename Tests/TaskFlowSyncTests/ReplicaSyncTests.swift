import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowSync
import TaskFlowTestSupport
import XCTest

/// The local copy against a real server: offline work, restarts, conflicts, live events.
final class ReplicaSyncTests: XCTestCase {
    func testASnapshotThenChangesMakeTheReplicaEqualTheServer() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let other = try await fixture.api()
        var ids: [String] = []
        for n in 1...25 { ids.append(try await other.createTask(TaskChanges(title: "Task \(n)", priority: n % 3 == 0 ? .high : .low)).value.id) }
        let (replica, engine) = try await fixture.client()
        let report = try await engine.sync()
        XCTAssertEqual(report.received, 25)
        XCTAssertEqual(try replica.page(TaskQuery(limit: 100)).pagination.total, 25)
        _ = try await other.updateTask(id: ids[0], TaskChanges(status: .done))
        try await other.deleteTask(id: ids[1])
        try await engine.sync()
        XCTAssertEqual(try replica.task(id: ids[0])?.status, .done)
        XCTAssertNil(try replica.task(id: ids[1]))
        let server = try await other.allTasks(TaskQuery(limit: 100))
        XCTAssertEqual(try replica.page(TaskQuery(limit: 100)).tasks.sorted { $0.id < $1.id }, server.sorted { $0.id < $1.id })
        check(try replica.stats(), try await other.stats().value, "stats computed locally agree with the server's")
    }

    /// Every change made while the server is down lands exactly once when it is back.
    func testOfflineEditsThenReconnectLandEveryChangeExactlyOnce() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let other = try await fixture.api()
        let existing = try await other.createTask(TaskChanges(title: "Existing")).value
        let (replica, engine) = try await fixture.client()
        try await engine.sync()
        fixture.server.terminate()  // down, its database kept
        _ = try await fixture.server.waitForExit()

        try replica.perform([.create(TaskChanges(title: "Written offline"))], label: "add")
        try replica.perform([.update(id: existing.id, TaskChanges(status: .inProgress))], label: "start")
        let doomed = try replica.perform([.create(TaskChanges(title: "Short-lived"))], label: "add")[0]!
        try replica.perform([.delete(id: doomed.id)], label: "delete")
        do {
            try await engine.sync()
            XCTFail("sync with the server down must fail")
        } catch let error as ClientError {
            XCTAssertEqual(error.category, .network)
        }
        XCTAssertEqual(try replica.pendingCount, 4)
        XCTAssertEqual(try replica.page(TaskQuery()).tasks.map(\.title).sorted(), ["Existing", "Written offline"])

        try await fixture.server.restart()
        try await engine.sync()
        try await engine.sync()  // a second round changes nothing
        XCTAssertEqual(try replica.pendingCount, 0)
        let server = try await other.allTasks()
        XCTAssertEqual(server.map(\.title).sorted(), ["Existing", "Written offline"], "each change once, the created-then-deleted one gone")
        XCTAssertEqual(server.first { $0.id == existing.id }?.status, .inProgress)
        XCTAssertEqual(try replica.page(TaskQuery()).tasks.sorted { $0.id < $1.id }, server.sorted { $0.id < $1.id })
    }

    /// The journal is on disk before anything is sent: a client that stops between the two
    /// (a crash, kill -9) sends it when it next starts.
    func testPendingChangesSurviveARestartOfTheClient() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        do {
            let (replica, _) = try await fixture.client("crashy")
            try replica.perform([.create(TaskChanges(title: "Before the crash")), .create(TaskChanges(title: "Also"))], label: "add")
        }
        let (again, engine) = try await fixture.client("crashy")
        XCTAssertEqual(try again.pendingCount, 2)
        try await engine.sync()
        check(try await fixture.api().allTasks().map(\.title).sorted(), ["Also", "Before the crash"])
        // The same journal sent twice (an answer lost after the server stored it) creates nothing twice.
        XCTAssertEqual(try again.pendingCount, 0)
    }

    func testAResentBatchCreatesNothingTwice() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let (replica, engine) = try await fixture.client()
        try replica.perform([.create(TaskChanges(title: "Once"))], label: "add")
        let pending = try replica.pending(limit: 100)
        let api = try await fixture.api()
        _ = try await api.batch(pending.map(\.op))  // the server stores it; the answer is "lost"
        try await engine.sync()  // the engine sends the same ops again
        check(try await api.allTasks().map(\.title), ["Once"])
        XCTAssertEqual(try replica.pendingCount, 0)
    }

    /// A change based on a version the server no longer has is kept as a conflict: the
    /// server's task is not overwritten, and both versions are there to choose from.
    func testAConflictFromASecondClientIsKeptNotOverwritten() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let other = try await fixture.api()
        let task = try await other.createTask(TaskChanges(title: "Shared")).value
        let (replica, engine) = try await fixture.client()
        try await engine.sync()
        _ = try await other.updateTask(id: task.id, TaskChanges(title: "Theirs"))
        try replica.perform([.update(id: task.id, TaskChanges(title: "Mine"))], label: "rename")
        try await engine.push()
        let conflicts = try replica.conflicts
        XCTAssertEqual(conflicts.count, 1)
        XCTAssertEqual(conflicts.first?.mine?.title, "Mine")
        XCTAssertEqual(conflicts.first?.theirs?.title, "Theirs")
        check(try await other.task(id: task.id).value.title, "Theirs", "the server's change stands")
        XCTAssertEqual(try replica.task(id: task.id)?.title, "Theirs")
        let notices = await engine.takeNotices()
        XCTAssertEqual(notices.map(\.taskID), [task.id])
    }

    func testLiveEventsApplyOnlyWhenNewer() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let other = try await fixture.api()
        let v1 = try await other.createTask(TaskChanges(title: "v1")).value
        let v2 = try await other.updateTask(id: v1.id, TaskChanges(title: "v2")).value
        let (replica, engine) = try await fixture.client()
        try await engine.sync()
        try replica.apply(LiveEvent.updated(v1))
        XCTAssertEqual(try replica.task(id: v1.id)?.title, "v2", "an older event changes nothing")
        try replica.apply(LiveEvent.deleted(id: v1.id, version: 2))
        XCTAssertNotNil(try replica.task(id: v1.id), "a deletion not newer than what is held changes nothing")
        try replica.apply(LiveEvent.deleted(id: v2.id, version: 3))
        XCTAssertNil(try replica.task(id: v1.id))
    }
}

/// Settling a conflict field by field.
final class ConflictResolutionTests: XCTestCase {
    func testKeepingMineForSomeFieldsAndTheirsForTheRest() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let other = try await fixture.api()
        let task = try await other.createTask(TaskChanges(title: "Shared", priority: .low)).value
        let (replica, engine) = try await fixture.client()
        try await engine.sync()
        _ = try await other.updateTask(id: task.id, TaskChanges(title: "Theirs", status: .inProgress))
        try replica.perform([.update(id: task.id, TaskChanges(title: "Mine", priority: .high))], label: "edit")
        try await engine.push()
        let conflict = try XCTUnwrap(try replica.conflicts.first)
        XCTAssertEqual(Set(conflict.differingFields), [.title, .status, .priority])

        try replica.resolve(task.id, keepingMine: [.title])
        try await engine.sync()
        XCTAssertEqual(try replica.conflicts, [])
        let settled = try await other.task(id: task.id).value
        XCTAssertEqual(settled.title, "Mine", "kept mine")
        XCTAssertEqual(settled.status, .inProgress, "kept theirs")
        XCTAssertEqual(settled.priority, .low, "kept theirs: the server's version of every field not named")
        XCTAssertEqual(try replica.task(id: task.id), settled)
    }
}

/// A window and a command opening a new copy at the same moment, and syncs asked for
/// while one runs.
final class ReplicaConcurrencyTests: XCTestCase {
    func testManyOpeningsOfANewCopyAtOnceAllSucceed() throws {
        let directory = try TemporaryDirectory(prefix: "taskflow-replica-open")
        defer { directory.remove() }
        let path = directory.path + "/copy.sqlite"
        let failures = Locked<[String]>([])
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do { _ = try Replica(path: path, userID: "U1") } catch {
                lock.withLock { failures.set(failures.get() + ["\(error)"]) }
            }
        }
        XCTAssertEqual(failures.get(), [])
        XCTAssertEqual(try Replica(path: path, userID: "U1").pendingCount, 0)
    }

    func testSyncsAskedForWhileOneRunsJoinItAndTheCopyEndsRight() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let other = try await fixture.api()
        for n in 1...30 { _ = try await other.createTask(TaskChanges(title: "Task \(n)")) }
        let (replica, engine) = try await fixture.client()
        try await withThrowingTaskGroup(of: SyncReport.self) { group in
            for _ in 0..<6 { group.addTask { try await engine.sync() } }
            for try await _ in group {}
        }
        XCTAssertEqual(try replica.page(TaskQuery(limit: 100)).pagination.total, 30)
    }
}

/// A first snapshot takes the largest pages the server gives, so it spends few requests.
final class SnapshotPageTests: XCTestCase {
    func testAFirstSnapshotOf1200TasksIsOneRequest() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let other = try await fixture.api()
        for chunk in 0..<12 {
            let ops = (0..<100).map { BatchOperation.create(id: nil, fields: TaskChanges(title: "Task \(chunk * 100 + $0)"), idempotencyKey: nil) }
            _ = try await other.batch(ops)
        }
        let spentBefore = try XCTUnwrap(other.rateLimit).limit - (try XCTUnwrap(other.rateLimit).remaining)
        let (replica, engine) = try await fixture.client()
        let report = try await engine.sync()
        XCTAssertEqual(report.received, 1200)
        XCTAssertEqual(try replica.page(TaskQuery(limit: 1)).pagination.total, 1200)
        let api = try await fixture.api()
        _ = try await api.sync(cursor: nil, limit: 1)  // one more request, to read where the user stands
        let spentAfter = try XCTUnwrap(api.rateLimit).limit - (try XCTUnwrap(api.rateLimit).remaining)
        XCTAssertEqual(spentAfter - spentBefore, 2, "one page of 5,000 for the snapshot, plus this request")
    }
}

/// Paging: the next page is fetched while one is written, and that costs no extra request.
final class SyncPagingTests: XCTestCase {
    func testASnapshotAndChangesInManyPagesEndEqualToTheServerWithOneRequestAPage() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let other = try await fixture.api()
        let ops = (1...25).map { BatchOperation.create(id: nil, fields: TaskChanges(title: "Task \($0)", priority: $0 % 2 == 0 ? .high : .low), idempotencyKey: nil) }
        let ids = try await other.batch(ops).compactMap { $0.task?.id }
        XCTAssertEqual(ids.count, 25)
        let replica = try Replica(path: fixture.directory.path + "/paged.sqlite", userID: fixture.userID)
        let api = try await fixture.api()
        let engine = SyncEngine(replica: replica, api: api, snapshotPageSize: 7, changesPageSize: 5)

        _ = try await api.stats()  // a request, to read where the user stands
        let before = try XCTUnwrap(api.rateLimit).remaining
        var report = try await engine.sync()
        XCTAssertEqual(report.received, 25)
        check(before - (try XCTUnwrap(api.rateLimit).remaining), 4, "25 tasks in pages of 7: four requests, none fetched ahead for nothing")
        check(try replica.page(TaskQuery(limit: 100)).tasks.sorted { $0.id < $1.id }, try await other.allTasks(TaskQuery(limit: 100)).sorted { $0.id < $1.id })

        for id in ids[0..<8] { _ = try await other.updateTask(id: id, TaskChanges(status: .done)) }
        for id in ids[8..<12] { try await other.deleteTask(id: id) }
        report = try await engine.sync()
        XCTAssertEqual(report.received, 12)
        XCTAssertEqual(try replica.page(TaskQuery(limit: 100)).pagination.total, 21)
        check(try replica.page(TaskQuery(limit: 100)).tasks.sorted { $0.id < $1.id }, try await other.allTasks(TaskQuery(limit: 100)).sorted { $0.id < $1.id })
        check(try replica.stats(), try await other.stats().value, "stats computed locally agree with the server's")
    }
}

