import Foundation
import XCTest
@testable import TaskFlowServer

/// The repository contract on the PostgreSQL store (a fresh database on the test cluster).
final class PostgresRepositoryTests: XCTestCase {
    /// One database and pool for the whole class; cases stay apart by using fresh users.
    func fixture() async throws -> RepositoryFixture {
        let store = try await Self.shared.store()
        return RepositoryFixture(store: store, rateLimits: PostgresRateLimitStore(store: store))
    }

    private static let shared = SharedStore()

    private actor SharedStore {
        private var store: PostgresStore?

        func store() async throws -> PostgresStore {
            if let store { return store }
            let url = try await PostgresTestDatabase.create("repo")
            let made = try await PostgresStore(url: url, pool: PostgresTestDatabase.testPool, logger: PostgresTestDatabase.logger)
            store = made
            return made
        }
    }

    func testUsersAreUniqueByEmail() async throws { try await RepositoryContract.usersAreUniqueByEmail(await fixture()) }
    func testPasswordHashIsReplacedOnlyIfUnchanged() async throws { try await RepositoryContract.passwordHashIsReplacedOnlyIfUnchanged(await fixture()) }
    func testCreatedTaskReadsBackOnlyForItsOwner() async throws { try await RepositoryContract.createdTaskReadsBackOnlyForItsOwner(await fixture()) }
    func testUpdatesBumpVersionOnlyWhenSomethingChanges() async throws { try await RepositoryContract.updatesBumpVersionOnlyWhenSomethingChanges(await fixture()) }
    func testDeleteHonoursVersionAndOwner() async throws { try await RepositoryContract.deleteHonoursVersionAndOwner(await fixture()) }
    func testChangeCounterMovesWithEveryChange() async throws { try await RepositoryContract.changeCounterMovesWithEveryChange(await fixture()) }
    func testListFiltersAndPages() async throws { try await RepositoryContract.listFiltersAndPages(await fixture()) }
    func testSortsBreakTiesByIdAndPutMissingDueDatesLast() async throws { try await RepositoryContract.sortsBreakTiesByIdAndPutMissingDueDatesLast(await fixture()) }
    func testSearchMatchesEveryWordWithTheLastAsPrefix() async throws { try await RepositoryContract.searchMatchesEveryWordWithTheLastAsPrefix(await fixture()) }
    func testStatsCountByStatusPriorityAndDueWindows() async throws { try await RepositoryContract.statsCountByStatusPriorityAndDueWindows(await fixture()) }
    func testIdempotencyKeysReplayAndConflict() async throws { try await RepositoryContract.idempotencyKeysReplayAndConflict(await fixture()) }
    func testConcurrentCreatesWithOneKeyCreateOnce() async throws { try await RepositoryContract.concurrentCreatesWithOneKeyCreateOnce(await fixture()) }
    func testRefreshRotationIsCompareAndSwap() async throws { try await RepositoryContract.refreshRotationIsCompareAndSwap(await fixture()) }
    func testPurgeForgetsExpiredTokens() async throws { try await RepositoryContract.purgeForgetsExpiredTokens(await fixture()) }
    func testRateLimitCountsPerKeyAndWindow() async throws { try await RepositoryContract.rateLimitCountsPerKeyAndWindow(await fixture()) }
    func testWritesTakeTheNextSequenceValueAndDeletionsLeaveTombstones() async throws { try await RepositoryContract.writesTakeTheNextSequenceValueAndDeletionsLeaveTombstones(await fixture()) }
    func testSyncPagesFollowTheSequenceAndAChangedTaskMovesToTheEnd() async throws { try await RepositoryContract.syncPagesFollowTheSequenceAndAChangedTaskMovesToTheEnd(await fixture()) }
    func testChosenIDsAreTakenOnceAndBringADeletedTaskBack() async throws { try await RepositoryContract.chosenIDsAreTakenOnceAndBringADeletedTaskBack(await fixture()) }
    func testPurgedTombstonesExpireOlderCursors() async throws { try await RepositoryContract.purgedTombstonesExpireOlderCursors(await fixture()) }
    func testABatchAppliesEachWriteByItsOwnRulesInOrder() async throws { try await RepositoryContract.aBatchAppliesEachWriteByItsOwnRulesInOrder(await fixture()) }
}
