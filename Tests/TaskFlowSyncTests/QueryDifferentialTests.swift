import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowSync
import TaskFlowTestSupport
import XCTest

/// The replica answers a query exactly as the server does: many random queries (filters,
/// search, sort, paging) against both holding the same tasks give the same ids in the same
/// order and the same totals.
final class QueryDifferentialTests: XCTestCase {
    func testRandomQueriesGiveTheSameIdsOrderAndTotalsOnServerAndReplica() async throws {
        let fixture = try await SyncFixture.start()
        defer { fixture.stop() }
        let api = try await fixture.api()
        var rng = SeededGenerator(seed: 7)
        let words = ["release", "report", "Überweisung", "café", "plan", "ship", "東京", "review", "fix", "notes"]
        let now = Date()
        var operations: [BatchOperation] = []
        for n in 0..<300 {
            let title = (0..<(1 + rng.below(3))).map { _ in words[rng.below(words.count)] }.joined(separator: " ") + " \(n)"
            let due: TaskChanges.DueChange? = rng.below(3) == 0 ? nil : .set(now.addingTimeInterval(Double(rng.below(40) - 20) * 86_400))
            operations.append(.create(
                id: nil,
                fields: TaskChanges(
                    title: title, description: rng.below(2) == 0 ? words[rng.below(words.count)] : "",
                    status: TaskStatus.allCases[rng.below(3)], priority: TaskPriority.allCases[rng.below(3)], dueDate: due),
                idempotencyKey: nil))
        }
        for chunk in stride(from: 0, to: operations.count, by: 100) {
            _ = try await api.batch(Array(operations[chunk..<min(chunk + 100, operations.count)]))
        }
        let (replica, engine) = try await fixture.client()
        try await engine.sync()

        var answered = 0
        for round in 0..<150 {
            var query = TaskQuery()
            if rng.below(3) == 0 { query.statuses = Array(TaskStatus.allCases.shuffled(using: &rng).prefix(1 + rng.below(2))) }
            if rng.below(3) == 0 { query.priorities = Array(TaskPriority.allCases.shuffled(using: &rng).prefix(1 + rng.below(2))) }
            if rng.below(3) == 0 {
                let word = words[rng.below(words.count)]
                query.search = rng.below(2) == 0 ? word : String(word.prefix(3))
            }
            if rng.below(4) == 0 { query.overdue = true }
            if rng.below(4) == 0 { query.dueBefore = DueBound(Timestamp.day(now.addingTimeInterval(Double(rng.below(20)) * 86_400))) }
            if rng.below(4) == 0 { query.dueAfter = DueBound(Timestamp.day(now.addingTimeInterval(-Double(rng.below(20)) * 86_400))) }
            query.sort = TaskSort(TaskSort.Field.allCases[rng.below(TaskSort.Field.allCases.count)], descending: rng.below(2) == 0)
            query.limit = 1 + rng.below(60)
            query.page = 1 + rng.below(3)
            let server = try await api.tasks(query).value
            let local = try replica.page(query)
            XCTAssertEqual(local.tasks.map(\.id), server.tasks.map(\.id), "round \(round): \(query.queryItems)")
            XCTAssertEqual(local.pagination, server.pagination, "round \(round): \(query.queryItems)")
            if !server.tasks.isEmpty { answered += 1 }
        }
        XCTAssertGreaterThan(answered, 60, "most queries find something, so the comparison means something")
    }
}
