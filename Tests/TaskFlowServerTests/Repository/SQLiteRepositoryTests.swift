import Foundation
import GRDB
import XCTest
@testable import TaskFlowServer

/// The repository contract on the embedded SQLite store.
final class SQLiteRepositoryTests: XCTestCase {
    func fixture() throws -> RepositoryFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskflow-repo-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path
        return RepositoryFixture(store: try SQLiteStore(path: path), rateLimits: MemoryRateLimitStore())
    }

    func testUsersAreUniqueByEmail() async throws { try await RepositoryContract.usersAreUniqueByEmail(fixture()) }
    func testPasswordHashIsReplacedOnlyIfUnchanged() async throws { try await RepositoryContract.passwordHashIsReplacedOnlyIfUnchanged(fixture()) }
    func testCreatedTaskReadsBackOnlyForItsOwner() async throws { try await RepositoryContract.createdTaskReadsBackOnlyForItsOwner(fixture()) }
    func testUpdatesBumpVersionOnlyWhenSomethingChanges() async throws { try await RepositoryContract.updatesBumpVersionOnlyWhenSomethingChanges(fixture()) }
    func testDeleteHonoursVersionAndOwner() async throws { try await RepositoryContract.deleteHonoursVersionAndOwner(fixture()) }
    func testChangeCounterMovesWithEveryChange() async throws { try await RepositoryContract.changeCounterMovesWithEveryChange(fixture()) }
    func testListFiltersAndPages() async throws { try await RepositoryContract.listFiltersAndPages(fixture()) }
    func testSortsBreakTiesByIdAndPutMissingDueDatesLast() async throws { try await RepositoryContract.sortsBreakTiesByIdAndPutMissingDueDatesLast(fixture()) }
    func testSearchMatchesEveryWordWithTheLastAsPrefix() async throws { try await RepositoryContract.searchMatchesEveryWordWithTheLastAsPrefix(fixture()) }
    func testStatsCountByStatusPriorityAndDueWindows() async throws { try await RepositoryContract.statsCountByStatusPriorityAndDueWindows(fixture()) }
    func testIdempotencyKeysReplayAndConflict() async throws { try await RepositoryContract.idempotencyKeysReplayAndConflict(fixture()) }
    func testConcurrentCreatesWithOneKeyCreateOnce() async throws { try await RepositoryContract.concurrentCreatesWithOneKeyCreateOnce(fixture()) }
    func testRefreshRotationIsCompareAndSwap() async throws { try await RepositoryContract.refreshRotationIsCompareAndSwap(fixture()) }
    func testPurgeForgetsExpiredTokens() async throws { try await RepositoryContract.purgeForgetsExpiredTokens(fixture()) }
    func testRateLimitCountsPerKeyAndWindow() async throws { try await RepositoryContract.rateLimitCountsPerKeyAndWindow(fixture()) }
    func testWritesTakeTheNextSequenceValueAndDeletionsLeaveTombstones() async throws { try await RepositoryContract.writesTakeTheNextSequenceValueAndDeletionsLeaveTombstones(fixture()) }
    func testSyncPagesFollowTheSequenceAndAChangedTaskMovesToTheEnd() async throws { try await RepositoryContract.syncPagesFollowTheSequenceAndAChangedTaskMovesToTheEnd(fixture()) }
    func testChosenIDsAreTakenOnceAndBringADeletedTaskBack() async throws { try await RepositoryContract.chosenIDsAreTakenOnceAndBringADeletedTaskBack(fixture()) }
    func testPurgedTombstonesExpireOlderCursors() async throws { try await RepositoryContract.purgedTombstonesExpireOlderCursors(fixture()) }
    func testABatchAppliesEachWriteByItsOwnRulesInOrder() async throws { try await RepositoryContract.aBatchAppliesEachWriteByItsOwnRulesInOrder(fixture()) }

    /// An acknowledged write is on disk: the writer commits with a full fsync (GRDB's WAL
    /// set-up turns it down to NORMAL, which syncs only at checkpoints).
    func testTheWriterSyncsEveryCommit() throws {
        let store = try fixture().store as! SQLiteStore
        let level = try store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        XCTAssertEqual(level, 2, "PRAGMA synchronous of the writer: 2 is FULL, 1 NORMAL")
    }
}
