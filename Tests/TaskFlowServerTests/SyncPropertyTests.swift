import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// A property of `GET /sync`: whatever history of creates, updates, deletes and revivals
/// happens (single requests and batches), and wherever a client pages from (a fresh start,
/// its cursor, or an older cursor it kept), a client that applies the pages by API.md's
/// rules and finally pages to the end holds exactly the server's tasks. Seeded, so a
/// failure names the seed that reproduces it.
final class SyncPropertyTests: XCTestCase {
    func testAClientApplyingSyncPagesEndsWithTheServersTasksOnSQLite() async throws {
        try await TestServer.withRouter { client, _ in
            for seed in 1...30 { try await Self.run(seed: UInt64(seed), client: client) }
        }
    }

    func testAClientApplyingSyncPagesEndsWithTheServersTasksOnPostgreSQL() async throws {
        let url = try await PostgresTestDatabase.create("sync_property")
        defer { PostgresTestDatabase.drop(url) }
        try await TestServer.withRouter({
            $0.databaseURL = url
            $0.databasePool = PostgresTestDatabase.testPool
            $0.jwtSecret = String(repeating: "s", count: 32)
        }) { client, _ in
            for seed in 1...10 { try await Self.run(seed: UInt64(seed), client: client) }
        }
    }

    private static func run(seed: UInt64, client: any TestClientProtocol) async throws {
        var rng = SeededGenerator(seed: seed)
        let token = try await client.register(email: "seed-\(seed)-\(UUID().uuidString.prefix(6))@example.com").accessToken
        var history = History()
        var replica = SyncReplica()
        var cursors: [String] = []
        for _ in 0..<(40 + rng.below(40)) {
            switch rng.below(100) {
            case 0..<35:
                let ops = (0..<(1 + rng.below(5))).map { _ in history.randomOp(&rng) }
                let results = try await client.batch(ops.map(\.json), token: token)
                for (op, result) in zip(ops, results) { history.learn(op, status: result.status, task: result.task) }
            case 35..<60:
                let op = history.randomOp(&rng)
                let response = try await client.json(op.method, op.path, token: token, body: op.body)
                history.learn(op, status: Int(response.status.code), task: try? response.decode(TaskItem.self))
            case 60..<90:
                let page = try await client.sync(cursor: replica.cursor, limit: 1 + rng.below(7), token: token)
                replica.apply(page)
                cursors.append(page.cursor)
            default:
                if rng.below(2) == 0 || cursors.isEmpty { replica.reset() } else { replica.rewind(to: cursors[rng.below(cursors.count)]) }
            }
        }
        try await client.catchUp(&replica, limit: 1 + rng.below(7), token: token)
        let server = try await allTasks(client, token: token)
        XCTAssert(replica.tasks == server, "seed \(seed): the replica differs: \(difference(replica.tasks, server))")
        var fresh = SyncReplica()
        try await client.catchUp(&fresh, limit: 3, token: token)
        XCTAssert(fresh.tasks == server, "seed \(seed): a fresh snapshot differs: \(difference(fresh.tasks, server))")
    }

    /// Which ids the replica lacks, holds extra, or holds in another state.
    private static func difference(_ replica: [String: TaskItem], _ server: [String: TaskItem]) -> String {
        let missing = Set(server.keys).subtracting(replica.keys).sorted()
        let extra = Set(replica.keys).subtracting(server.keys).sorted()
        let stale = server.keys.filter { replica[$0] != nil && replica[$0] != server[$0] }.sorted()
        return "missing \(missing), extra \(extra), different \(stale)"
    }

    private static func allTasks(_ client: any TestClientProtocol, token: String) async throws -> [String: TaskItem] {
        var tasks: [String: TaskItem] = [:]
        var page = 1
        while true {
            let answer = try await client.page("limit=100&page=\(page)", token: token)
            for task in answer.tasks { tasks[task.id] = task }
            if page >= answer.pagination.pages { return tasks }
            page += 1
        }
    }
}

/// What the test knows of the ids it used, to make ops that hit, miss, go stale or revive.
private struct History {
    var live: [String: Int] = [:]  // id → version
    var deleted: [String] = []

    struct Op {
        var json: String
        var method: HTTPRequest.Method
        var path: String
        var body: String?
        var kind: Kind
        var id: String?
        enum Kind { case create, update, delete }
    }

    mutating func randomOp(_ rng: inout SeededGenerator) -> Op {
        let titles = ["Write", "Read", "Plan", "Ship it", "สวัสดี 🎉", "Fix #42"]
        let statuses = ["todo", "in-progress", "done"]
        let roll = rng.below(100)
        if roll < 35 || live.isEmpty {
            // A new task, sometimes under a chosen id, sometimes bringing a deleted one back.
            var id: String?
            if !deleted.isEmpty, rng.below(3) == 0 { id = deleted[rng.below(deleted.count)] } else if rng.below(2) == 0 { id = ULID.make() }
            let title = titles[rng.below(titles.count)]
            let idPart = id.map { #""id":"\#($0)","# } ?? ""
            let task = #"{\#(idPart)"title":"\#(title)","status":"\#(statuses[rng.below(3)])"}"#
            return Op(json: #"{"op":"create","task":\#(task)}"#, method: .post, path: "/api/v1/tasks", body: task, kind: .create, id: id)
        }
        let ids = live.keys.sorted()
        let id = rng.below(10) == 0 && !deleted.isEmpty ? deleted[rng.below(deleted.count)] : ids[rng.below(ids.count)]
        // Now and then a stale version, which must change nothing.
        let ifMatch = rng.below(4) == 0 ? (live[id] ?? 1) + (rng.below(2) == 0 ? 0 : 1) : nil
        let ifMatchPart = ifMatch.map { #","ifMatch":\#($0)"# } ?? ""
        if roll < 75 {
            let changes = rng.below(2) == 0
                ? #"{"status":"\#(statuses[rng.below(3)])"}"#
                : #"{"title":"\#(titles[rng.below(titles.count)]) \#(rng.below(100))","priority":"high"}"#
            return Op(
                json: #"{"op":"update","id":"\#(id)","changes":\#(changes)\#(ifMatchPart)}"#, method: .patch, path: "/api/v1/tasks/\(id)",
                body: changes, kind: .update, id: id)
        }
        return Op(json: #"{"op":"delete","id":"\#(id)"}"#, method: .delete, path: "/api/v1/tasks/\(id)", body: nil, kind: .delete, id: id)
    }

    mutating func learn(_ op: Op, status: Int, task: TaskItem?) {
        switch (op.kind, status) {
        case (.create, 201), (.update, 200):
            guard let task else { return }
            live[task.id] = task.version
            deleted.removeAll { $0 == task.id }
        case (.delete, 204):
            guard let id = op.id else { return }
            live[id] = nil
            deleted.append(id)
        default:
            break
        }
    }
}
