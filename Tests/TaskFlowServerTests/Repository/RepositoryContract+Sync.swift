import Foundation
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// The change sequence, tombstones, batches and client-chosen ids, on every store.
extension RepositoryContract {
    static func writesTakeTheNextSequenceValueAndDeletionsLeaveTombstones(_ f: RepositoryFixture) async throws {
        let ann = try await f.user(), bob = try await f.user("Bob")
        let kept = try await f.task(ann.id, "Kept")  // seq 1
        let gone = try await f.task(ann.id, "Gone")  // seq 2
        guard case .updated(let renamed) = try await f.store.updateTask(
            userID: ann.id, id: kept.id, changes: TaskChanges(title: "Kept, renamed"), expectedVersion: nil, now: f.now)  // seq 3
        else { return XCTFail("update did not apply") }
        _ = try await f.store.deleteTask(userID: ann.id, id: gone.id, expectedVersion: nil, now: f.now)  // seq 4
        check(try await f.store.changeCounter(userID: ann.id), 4)

        check(
            try await f.store.syncChanges(userID: ann.id, after: nil, limit: 10),
            .page(changes: [.upsert(renamed, seq: 3)], cursor: 4, more: false), "a snapshot holds the live tasks only")
        check(
            try await f.store.syncChanges(userID: ann.id, after: 1, limit: 10),
            .page(changes: [.upsert(renamed, seq: 3), .delete(id: gone.id, version: 2, seq: 4)], cursor: 4, more: false),
            "after a cursor: each task once in its latest state, and the tombstone with the last version plus one")
        check(try await f.store.syncChanges(userID: ann.id, after: 4, limit: 10), .page(changes: [], cursor: 4, more: false))
        check(try await f.store.syncChanges(userID: bob.id, after: nil, limit: 10), .page(changes: [], cursor: 0, more: false))
        check(try await f.store.syncChanges(userID: bob.id, after: 2, limit: 10), .expired, "a cursor past the counter is not this user's")
    }

    static func syncPagesFollowTheSequenceAndAChangedTaskMovesToTheEnd(_ f: RepositoryFixture) async throws {
        let ann = try await f.user()
        var tasks: [TaskItem] = []
        for n in 1...5 { tasks.append(try await f.task(ann.id, "Task \(n)")) }
        guard case .page(let first, let cursor, true) = try await f.store.syncChanges(userID: ann.id, after: nil, limit: 2) else {
            return XCTFail("the first page must say more")
        }
        check(first.map(\.seq), [1, 2])
        check(cursor, 2)
        // Task 1 changes while the client pages: it comes again, at the end.
        guard case .updated(let moved) = try await f.store.updateTask(
            userID: ann.id, id: tasks[0].id, changes: TaskChanges(status: .done), expectedVersion: nil, now: f.now)
        else { return XCTFail("update did not apply") }
        guard case .page(let second, let cursor2, true) = try await f.store.syncChanges(userID: ann.id, after: cursor, limit: 2) else {
            return XCTFail("the second page must say more")
        }
        check(second, [.upsert(tasks[2], seq: 3), .upsert(tasks[3], seq: 4)])
        check(
            try await f.store.syncChanges(userID: ann.id, after: cursor2, limit: 2),
            .page(changes: [.upsert(tasks[4], seq: 5), .upsert(moved, seq: 6)], cursor: 6, more: false))
    }

    static func chosenIDsAreTakenOnceAndBringADeletedTaskBack(_ f: RepositoryFixture) async throws {
        let ann = try await f.user(), bob = try await f.user("Bob")
        let id = ULID.make(now: f.now)
        guard case .created(let task) = try await f.store.createTask(
            userID: ann.id, draft: TaskDraft(id: id, title: "Mine"), now: f.now, idempotency: nil)
        else { return XCTFail("a new chosen id must be taken") }
        check(task.id, id)
        check(task.version, 1)
        for user in [ann, bob] {
            check(
                try await f.store.createTask(userID: user.id, draft: TaskDraft(id: id, title: "Again"), now: f.now, idempotency: nil),
                .idTaken, "an id in use is refused, whoever asks")
        }
        _ = try await f.store.updateTask(userID: ann.id, id: id, changes: TaskChanges(priority: .high), expectedVersion: nil, now: f.now)
        _ = try await f.store.deleteTask(userID: ann.id, id: id, expectedVersion: nil, now: f.now)  // tombstone version 3
        let beforeRevival = try await f.store.changeCounter(userID: ann.id)
        guard case .created(let back) = try await f.store.createTask(
            userID: ann.id, draft: TaskDraft(id: id, title: "Mine, back"), now: f.now.plus(hours: 1), idempotency: nil)
        else { return XCTFail("the id of a deleted task must bring it back") }
        check(back.version, 4, "the version continues from the deletion's")
        check(back.createdAt, task.createdAt, "it keeps its creation time")
        check(back.title, "Mine, back")
        check(
            try await f.store.syncChanges(userID: ann.id, after: beforeRevival - 1, limit: 10),
            .page(changes: [.upsert(back, seq: beforeRevival + 1)], cursor: beforeRevival + 1, more: false),
            "the tombstone is gone and the task is a change after it")
        check(try await f.store.task(userID: bob.id, id: id), nil)
    }

    static func purgedTombstonesExpireOlderCursors(_ f: RepositoryFixture) async throws {
        let ann = try await f.user()
        let task = try await f.task(ann.id, "Short-lived")  // seq 1
        _ = try await f.store.deleteTask(userID: ann.id, id: task.id, expectedVersion: nil, now: f.now)  // seq 2
        try await f.store.purgeTombstones(deletedBefore: f.now.plus(hours: -1))
        check(
            try await f.store.syncChanges(userID: ann.id, after: 1, limit: 10),
            .page(changes: [.delete(id: task.id, version: 2, seq: 2)], cursor: 2, more: false), "a young tombstone is kept")
        try await f.store.purgeTombstones(deletedBefore: f.now.plus(hours: 1))
        check(try await f.store.syncChanges(userID: ann.id, after: 1, limit: 10), .expired, "it missed a deletion now forgotten")
        check(try await f.store.syncChanges(userID: ann.id, after: 2, limit: 10), .page(changes: [], cursor: 2, more: false))
        check(try await f.store.syncChanges(userID: ann.id, after: nil, limit: 10), .page(changes: [], cursor: 2, more: false))
    }

    static func aBatchAppliesEachWriteByItsOwnRulesInOrder(_ f: RepositoryFixture) async throws {
        let ann = try await f.user()
        let existing = try await f.task(ann.id, "Existing")  // seq 1
        let id = ULID.make(now: f.now)
        let claim = IdempotencyClaim(key: "k", bodyHash: "a")
        let outcomes = try await f.store.applyWrites(
            userID: ann.id,
            [
                .create(TaskDraft(id: id, title: "New"), idempotency: nil),  // seq 2
                .update(id: id, changes: TaskChanges(title: "New, renamed"), expectedVersion: 1),  // seq 3
                .update(id: "missing", changes: TaskChanges(title: "x"), expectedVersion: nil),
                .delete(id: existing.id, expectedVersion: 9),
                .update(id: existing.id, changes: TaskChanges(title: "Existing"), expectedVersion: nil),
                .create(TaskDraft(title: "Keyed"), idempotency: claim),  // seq 4
                .create(TaskDraft(title: "Keyed"), idempotency: claim),
                .create(TaskDraft(title: "Keyed"), idempotency: IdempotencyClaim(key: "k", bodyHash: "b")),
                .create(TaskDraft(id: id, title: "Twice"), idempotency: nil),
                .delete(id: existing.id, expectedVersion: 1),  // seq 5
            ],
            now: f.now)
        check(outcomes.count, 10)
        guard case .created(let created) = outcomes[0], case .updated(let renamed) = outcomes[1],
            case .created(let keyed) = outcomes[5], case .replayed(let replayedID, _) = outcomes[6]
        else { return XCTFail("unexpected outcomes \(outcomes)") }
        check(created.id, id)
        check(renamed.version, 2)
        check(outcomes[2], .notFound)
        check(outcomes[3], .versionMismatch(current: existing))
        check(outcomes[4], .unchanged(existing))
        check(replayedID, keyed.id)
        check(outcomes[7], .keyConflict)
        check(outcomes[8], .idTaken)
        check(outcomes[9], .deleted(existing))
        check(try await f.store.changeCounter(userID: ann.id), 5, "one sequence value per write that changed something")
        check(
            try await f.store.syncChanges(userID: ann.id, after: 1, limit: 10),
            .page(
                changes: [.upsert(renamed, seq: 3), .upsert(keyed, seq: 4), .delete(id: existing.id, version: 2, seq: 5)],
                cursor: 5, more: false))
        // A batch that changes nothing moves nothing.
        _ = try await f.store.applyWrites(userID: ann.id, [.delete(id: "missing", expectedVersion: nil)], now: f.now)
        check(try await f.store.changeCounter(userID: ann.id), 5)
    }
}
