import Foundation
import TaskFlowCore
import XCTest
@testable import TaskFlowServer
import TaskFlowSQLite

/// What every store must do, written once and run against SQLite and PostgreSQL
/// (`SQLiteRepositoryTests`, `PostgresRepositoryTests`).
enum RepositoryContract {
    static func usersAreUniqueByEmail(_ f: RepositoryFixture) async throws {
        let ann = try await f.user()
        do {
            _ = try await f.store.createUser(name: "Other", email: ann.email, passwordHash: "h", now: f.now)
            XCTFail("a second account with one email was created")
        } catch let error as StorageError {
            XCTAssertTrue(error.isConflict)
        }
        let stored = try await f.store.storedUser(email: ann.email)
        XCTAssertEqual(stored?.user, ann)
        XCTAssertEqual(stored?.passwordHash, "$2b$04$x")
        let byID = try await f.store.user(id: ann.id)
        XCTAssertEqual(byID, ann)
        let nobody = try await f.store.storedUser(email: "nobody@example.com")
        XCTAssertNil(nobody)
    }

    static func passwordHashIsReplacedOnlyIfUnchanged(_ f: RepositoryFixture) async throws {
        let ann = try await f.user(), bob = try await f.user("Bob")
        try await f.store.replacePasswordHash(userID: ann.id, old: "$2b$04$x", new: "upgraded")
        check(try await f.store.storedUser(email: ann.email)?.passwordHash, "upgraded")
        try await f.store.replacePasswordHash(userID: ann.id, old: "$2b$04$x", new: "stale")
        check(try await f.store.storedUser(email: ann.email)?.passwordHash, "upgraded", "a hash changed since is kept")
        check(try await f.store.storedUser(email: bob.email)?.passwordHash, "$2b$04$x", "other users are untouched")
    }

    static func createdTaskReadsBackOnlyForItsOwner(_ f: RepositoryFixture) async throws {
        let ann = try await f.user(), bob = try await f.user("Bob")
        let due = Date(millis: f.now.millis + 86_400_123)
        let task = try await f.task(ann.id, "Write report", description: "quarterly", status: .done, priority: .high, due: due)
        XCTAssertEqual(task.version, 1)
        XCTAssertEqual(task.completedAt, task.createdAt)
        let mine = try await f.store.task(userID: ann.id, id: task.id)
        XCTAssertEqual(mine, task)
        let theirs = try await f.store.task(userID: bob.id, id: task.id)
        XCTAssertNil(theirs, "another user's task must be invisible")
    }

    static func updatesBumpVersionOnlyWhenSomethingChanges(_ f: RepositoryFixture) async throws {
        let ann = try await f.user(), bob = try await f.user("Bob")
        let task = try await f.task(ann.id, "Draft")
        let later = f.now.plus(hours: 1)
        guard case .updated(let done) = try await f.store.updateTask(
            userID: ann.id, id: task.id, changes: TaskChanges(title: "Final", status: .done), expectedVersion: 1, now: later)
        else { return XCTFail("update did not apply") }
        XCTAssertEqual(done.version, 2)
        XCTAssertEqual(done.title, "Final")
        XCTAssertEqual(done.completedAt, Date(millis: later.millis))
        XCTAssertEqual(done.updatedAt, Date(millis: later.millis))

        guard case .unchanged(let same) = try await f.store.updateTask(
            userID: ann.id, id: task.id, changes: TaskChanges(title: "Final"), expectedVersion: nil, now: later.plus(hours: 1))
        else { return XCTFail("a write that changes nothing must be reported unchanged") }
        XCTAssertEqual(same, done)

        guard case .versionMismatch(let current) = try await f.store.updateTask(
            userID: ann.id, id: task.id, changes: TaskChanges(title: "Stale"), expectedVersion: 1, now: later)
        else { return XCTFail("a stale version must not write") }
        XCTAssertEqual(current, done, "a stale write answers with the task as it is")

        guard case .updated(let reopened) = try await f.store.updateTask(
            userID: ann.id, id: task.id, changes: TaskChanges(status: .todo, dueDate: .set(later)), expectedVersion: 2, now: later)
        else { return XCTFail("reopen did not apply") }
        XCTAssertNil(reopened.completedAt)
        XCTAssertEqual(reopened.dueDate, Date(millis: later.millis))
        let stored = try await f.store.task(userID: ann.id, id: task.id)
        XCTAssertEqual(stored, reopened)

        guard case .notFound = try await f.store.updateTask(
            userID: bob.id, id: task.id, changes: TaskChanges(title: "Mine now"), expectedVersion: nil, now: later)
        else { return XCTFail("another user's task must be not found") }
    }

    static func deleteHonoursVersionAndOwner(_ f: RepositoryFixture) async throws {
        let ann = try await f.user(), bob = try await f.user("Bob")
        let task = try await f.task(ann.id, "Temporary")
        guard case .notFound = try await f.store.deleteTask(userID: bob.id, id: task.id, expectedVersion: nil, now: f.now) else {
            return XCTFail("another user deleted the task")
        }
        guard case .versionMismatch(task) = try await f.store.deleteTask(userID: ann.id, id: task.id, expectedVersion: 7, now: f.now) else {
            return XCTFail("a stale version must not delete")
        }
        guard case .deleted(let gone) = try await f.store.deleteTask(userID: ann.id, id: task.id, expectedVersion: 1, now: f.now) else {
            return XCTFail("delete did not apply")
        }
        XCTAssertEqual(gone.id, task.id)
        let after = try await f.store.task(userID: ann.id, id: task.id)
        XCTAssertNil(after)
        guard case .notFound = try await f.store.deleteTask(userID: ann.id, id: task.id, expectedVersion: nil, now: f.now) else {
            return XCTFail("a second delete must be not found")
        }
    }

    static func changeCounterMovesWithEveryChange(_ f: RepositoryFixture) async throws {
        let ann = try await f.user(), bob = try await f.user("Bob")
        let start = try await f.store.changeCounter(userID: ann.id)
        let task = try await f.task(ann.id, "Count me")
        _ = try await f.store.updateTask(userID: ann.id, id: task.id, changes: TaskChanges(title: "Counted"), expectedVersion: nil, now: f.now)
        _ = try await f.store.updateTask(userID: ann.id, id: task.id, changes: TaskChanges(title: "Counted"), expectedVersion: nil, now: f.now)
        _ = try await f.store.deleteTask(userID: ann.id, id: task.id, expectedVersion: nil, now: f.now)
        let end = try await f.store.changeCounter(userID: ann.id)
        XCTAssertEqual(end - start, 3, "create, update and delete count; the no-op update does not")
        let others = try await f.store.changeCounter(userID: bob.id)
        XCTAssertEqual(others, 0)
    }

    static func listFiltersAndPages(_ f: RepositoryFixture) async throws {
        let ann = try await f.user(), bob = try await f.user("Bob")
        let day = 86_400_000
        try await f.task(ann.id, "a", status: .todo, priority: .low, due: Date(millis: f.now.millis - day))
        try await f.task(ann.id, "b", status: .done, priority: .high, due: Date(millis: f.now.millis - day))
        try await f.task(ann.id, "c", status: .inProgress, priority: .medium, due: Date(millis: f.now.millis + 3 * day))
        try await f.task(ann.id, "d", status: .todo, priority: .high)
        try await f.task(bob.id, "bob's", status: .todo, priority: .high)

        let asc = TaskSort(.title, descending: false)
        var titles = try await f.titles(ann.id, TaskQuery(statuses: [.todo, .inProgress], sort: asc))
        XCTAssertEqual(titles, ["a", "c", "d"])
        titles = try await f.titles(ann.id, TaskQuery(priorities: [.high], sort: asc))
        XCTAssertEqual(titles, ["b", "d"])
        titles = try await f.titles(ann.id, TaskQuery(statuses: [.todo], priorities: [.high], sort: asc))
        XCTAssertEqual(titles, ["d"])
        titles = try await f.titles(ann.id, TaskQuery(overdue: true, sort: asc))
        XCTAssertEqual(titles, ["a"], "overdue: due before now and not done")
        titles = try await f.titles(ann.id, TaskQuery(dueBefore: .instant(f.now), sort: asc))
        XCTAssertEqual(titles, ["a", "b"])
        titles = try await f.titles(ann.id, TaskQuery(dueAfter: .instant(f.now), sort: asc))
        XCTAssertEqual(titles, ["c"])
        let dueDay = Date(millis: (f.now.millis + 3 * day) / day * day)
        titles = try await f.titles(ann.id, TaskQuery(dueBefore: .day(dueDay), dueAfter: .day(dueDay), sort: asc))
        XCTAssertEqual(titles, ["c"], "a bare day covers the whole UTC day")

        let page2 = try await f.store.listTasks(userID: ann.id, query: TaskQuery(page: 2, limit: 3, sort: asc), now: f.now)
        XCTAssertEqual(page2.tasks.map(\.title), ["d"])
        XCTAssertEqual(page2.total, 4)
        let past = try await f.store.listTasks(userID: ann.id, query: TaskQuery(page: 9, limit: 3, sort: asc), now: f.now)
        XCTAssertEqual(past.tasks, [])
        XCTAssertEqual(past.total, 4, "a page past the last still tells the true total")
    }

    static func sortsBreakTiesByIdAndPutMissingDueDatesLast(_ f: RepositoryFixture) async throws {
        let ann = try await f.user()
        let h = 3_600_000
        var made: [TaskItem] = []
        // Equal creation times and equal keys force the id tie-break.
        made.append(try await f.task(ann.id, "banana", status: .done, priority: .low, due: Date(millis: f.now.millis + 2 * h)))
        made.append(try await f.task(ann.id, "Apple", status: .todo, priority: .high))
        made.append(try await f.task(ann.id, "cherry", status: .inProgress, priority: .high, due: Date(millis: f.now.millis + h)))
        made.append(try await f.task(ann.id, "apple", status: .todo, priority: .low, at: f.now.plus(hours: 1)))
        made.append(try await f.task(ann.id, "Éclair", status: .todo, priority: .medium, due: Date(millis: f.now.millis + h)))

        func expected(_ sort: TaskSort) -> [String] {
            let dir: (Bool) -> Bool = { sort.descending ? !$0 : $0 }
            return made.sorted { a, b in
                func key(_ t: TaskItem) -> (Int?, String?) {
                    switch sort.field {
                    case .createdAt: return (t.createdAt.millis, nil)
                    case .updatedAt: return (t.updatedAt.millis, nil)
                    case .dueDate: return (t.dueDate?.millis, nil)
                    case .priority: return (t.priority.rank, nil)
                    case .status: return (t.status.rank, nil)
                    case .title: return (nil, TaskRow.titleKey(t.title))
                    }
                }
                let (ka, kb) = (key(a), key(b))
                if sort.field == .dueDate, (ka.0 == nil) != (kb.0 == nil) { return ka.0 != nil }
                if let x = ka.0, let y = kb.0, x != y { return dir(x < y) }
                if let x = ka.1, let y = kb.1, x != y { return dir(Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))) }
                return dir(a.id < b.id)
            }.map(\.title)
        }
        for field in [TaskSort.Field.createdAt, .updatedAt, .dueDate, .priority, .status, .title] {
            for descending in [false, true] {
                let sort = TaskSort(field, descending: descending)
                let titles = try await f.titles(ann.id, TaskQuery(sort: sort))
                XCTAssertEqual(titles, expected(sort), "sort \(sort)")
            }
        }
    }

    static func searchMatchesEveryWordWithTheLastAsPrefix(_ f: RepositoryFixture) async throws {
        let ann = try await f.user(), bob = try await f.user("Bob")
        try await f.task(ann.id, "Buy oat milk", description: "from the corner shop")
        try await f.task(ann.id, "Café meeting", description: "Discuss the Roadmap")
        try await f.task(ann.id, "Milkshake recipe")
        try await f.task(ann.id, "!!! ???")  // no words at all: stored, never found
        try await f.task(bob.id, "Buy milk too")
        func search(_ q: String) async throws -> [String] {
            try await f.titles(ann.id, TaskQuery(search: q, sort: TaskSort(.title, descending: false)))
        }
        var found = try await search("milk")
        XCTAssertEqual(found, ["Buy oat milk", "Milkshake recipe"], "the last word is a prefix; other users' tasks never match")
        found = try await search("buy milk")
        XCTAssertEqual(found, ["Buy oat milk"], "every word must match")
        found = try await search("milk recipe")
        XCTAssertEqual(found, [], "only the last word is a prefix: milk is not milkshake")
        found = try await search("CAFE road")
        XCTAssertEqual(found, ["Café meeting"], "case and accents fold; description counts")
        found = try await search("corner sh")
        XCTAssertEqual(found, ["Buy oat milk"])
        for hostile in ["'", "\"milk", "milk*", "a & b | !c", "(milk", "milk:*", "\\", "NEAR(milk shop)", "':* | '"] {
            _ = try await search(hostile)  // must not fail, whatever it finds
        }
        found = try await search("*** !!!")
        XCTAssertEqual(found.count, 4, "a query with no words is ignored")
    }

    static func statsCountByStatusPriorityAndDueWindows(_ f: RepositoryFixture) async throws {
        let ann = try await f.user()
        let h = 3_600_000
        let dayStart = f.now.millis / 86_400_000 * 86_400_000
        try await f.task(ann.id, "overdue", due: Date(millis: f.now.millis - h))
        try await f.task(ann.id, "later today", priority: .high, due: Date(millis: dayStart + 86_400_000 - 1))
        try await f.task(ann.id, "this week", status: .inProgress, due: Date(millis: f.now.millis + 50 * h))
        try await f.task(ann.id, "done late", status: .done, priority: .low, due: Date(millis: f.now.millis - h))
        try await f.task(ann.id, "done before", status: .done, at: f.now.addingTimeInterval(-2 * 86_400))
        let stats = try await f.store.stats(userID: ann.id, now: f.now)
        XCTAssertEqual(stats.total, 5)
        XCTAssertEqual(stats.byStatus, .init(todo: 2, inProgress: 1, done: 2))
        XCTAssertEqual(stats.byPriority, .init(low: 1, medium: 3, high: 1))
        XCTAssertEqual(stats.overdue, 1)
        XCTAssertEqual(stats.dueThisWeek, 2)
        XCTAssertEqual(stats.completedPerDay.count, 14)
        XCTAssertEqual(stats.completedPerDay.last?.count, 1)
        XCTAssertEqual(stats.completedPerDay[11].count, 1)
        XCTAssertEqual(stats.completedPerDay.last?.date, Timestamp.day(f.now))
    }

    static func idempotencyKeysReplayAndConflict(_ f: RepositoryFixture) async throws {
        let ann = try await f.user(), bob = try await f.user("Bob")
        let draft = TaskDraft(title: "Once")
        let claim = IdempotencyClaim(key: "k-1", bodyHash: "hash-a")
        guard case .created(let first) = try await f.store.createTask(userID: ann.id, draft: draft, now: f.now, idempotency: claim) else {
            return XCTFail("first use of a key must create")
        }
        guard case .replayed(let id, let body) = try await f.store.createTask(
            userID: ann.id, draft: draft, now: f.now.plus(hours: 23), idempotency: claim)
        else { return XCTFail("the same key and body must replay") }
        XCTAssertEqual(id, first.id)
        XCTAssertEqual(try TaskFlowJSON.decode(TaskItem.self, from: body), first)
        guard case .keyConflict = try await f.store.createTask(
            userID: ann.id, draft: draft, now: f.now, idempotency: IdempotencyClaim(key: "k-1", bodyHash: "hash-b"))
        else { return XCTFail("the same key with another body must conflict") }
        guard case .created = try await f.store.createTask(userID: bob.id, draft: draft, now: f.now, idempotency: claim) else {
            return XCTFail("keys are scoped to their user")
        }
        guard case .created = try await f.store.createTask(userID: ann.id, draft: draft, now: f.now.plus(hours: 25), idempotency: claim) else {
            return XCTFail("a key older than a day starts afresh")
        }
        let count = try await f.store.listTasks(userID: ann.id, query: TaskQuery(), now: f.now).total
        XCTAssertEqual(count, 2)
    }

    static func concurrentCreatesWithOneKeyCreateOnce(_ f: RepositoryFixture) async throws {
        let ann = try await f.user()
        let claim = IdempotencyClaim(key: "race", bodyHash: "same")
        let store = f.store, now = f.now
        let outcomes = try await withThrowingTaskGroup(of: TaskWriteOutcome.self) { group in
            for _ in 0..<8 {
                group.addTask { try await store.createTask(userID: ann.id, draft: TaskDraft(title: "Race"), now: now, idempotency: claim) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let created = outcomes.filter { if case .created = $0 { true } else { false } }.count
        XCTAssertEqual(created, 1)
        let total = try await f.store.listTasks(userID: ann.id, query: TaskQuery(), now: f.now).total
        XCTAssertEqual(total, 1)
    }

    static func refreshRotationIsCompareAndSwap(_ f: RepositoryFixture) async throws {
        let ann = try await f.user()
        let hash = "old-\(UUID().uuidString)"
        try await f.store.createSession(userID: ann.id, tokenHash: hash, expiresAt: f.now.plus(hours: 24), now: f.now)
        guard let record = try await f.store.refreshRecord(tokenHash: hash) else { return XCTFail("no refresh record") }
        XCTAssertNil(record.rotatedAt)
        XCTAssertFalse(record.familyRevoked)
        let store = f.store, now = f.now
        let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<6 {
                group.addTask {
                    try await store.rotate(
                        old: record, newHash: "new-\(i)-\(hash)", expiresAt: now.plus(hours: 24), sealedSuccessor: Data([UInt8(i)]), now: now)
                }
            }
            return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        XCTAssertEqual(wins, 1, "exactly one rotation of a token may win")
        let rotated = try await f.store.refreshRecord(tokenHash: hash)
        XCTAssertNotNil(rotated?.rotatedAt)
        XCTAssertEqual(rotated?.sealedSuccessor?.count, 1)
        try await f.store.revokeFamily(record.familyID, now: f.now)
        let revoked = try await f.store.refreshRecord(tokenHash: hash)
        XCTAssertEqual(revoked?.familyRevoked, true)
        XCTAssertNil(revoked?.sealedSuccessor)
    }

    static func purgeForgetsExpiredTokens(_ f: RepositoryFixture) async throws {
        let ann = try await f.user()
        let hash = "short-\(UUID().uuidString)"
        try await f.store.createSession(userID: ann.id, tokenHash: hash, expiresAt: f.now.plus(hours: 1), now: f.now)
        try await f.store.purgeExpired(now: f.now)
        let kept = try await f.store.refreshRecord(tokenHash: hash)
        XCTAssertNotNil(kept)
        try await f.store.purgeExpired(now: f.now.plus(hours: 2))
        let purged = try await f.store.refreshRecord(tokenHash: hash)
        XCTAssertNil(purged)
    }

    static func rateLimitCountsPerKeyAndWindow(_ f: RepositoryFixture) async throws {
        let key = "test:\(UUID().uuidString)", other = "test:\(UUID().uuidString)"
        let now = Date(timeIntervalSince1970: 1_796_000_010)
        let limits = f.rateLimits
        let peek0 = try await limits.peek(key: key, window: 60, now: now)
        XCTAssertEqual(peek0.count, 0)
        XCTAssertEqual(peek0.resetAt, Date(timeIntervalSince1970: 1_796_000_040))
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await limits.hit(key: key, window: 60, now: now).count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(counts.sorted(), Array(1...20), "concurrent hits are counted atomically")
        try await limits.refund(key: key, window: 60, now: now)
        let peek = try await limits.peek(key: key, window: 60, now: now)
        XCTAssertEqual(peek.count, 19)
        let otherKey = try await limits.hit(key: other, window: 60, now: now)
        XCTAssertEqual(otherKey.count, 1)
        let nextWindow = try await limits.hit(key: key, window: 60, now: now.addingTimeInterval(60))
        XCTAssertEqual(nextWindow.count, 1, "a new window starts from zero")
    }
}
