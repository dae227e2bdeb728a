import Foundation
import GRDB
import TaskFlowCore
import TaskFlowSQLite

extension SQLiteStore {
    public func listTasks(userID: String, query: TaskQuery, now: Date, knownTotal: Int?) async throws -> (tasks: [TaskItem], total: Int) {
        @Sendable func page(_ db: Database) throws -> (tasks: [TaskItem], total: Int) {
            try TaskListing.page(db, userID: userID, query: query, now: now, knownTotal: knownTotal)
        }
        // A counted total and no text search leave one indexed SELECT, which needs no
        // transaction around it; counting reads two statements, so it keeps one.
        if knownTotal != nil, query.searchWords.isEmpty { return try await readSingleStatement(page) }
        return try await read(page)
    }

    public func stats(userID: String, now: Date) async throws -> TaskStats {
        try await read { db in try TaskListing.stats(db, userID: userID, now: now) }
    }
}
