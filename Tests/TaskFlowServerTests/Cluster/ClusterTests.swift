import Foundation
import TaskFlowCore
import TaskFlowTestSupport
import XCTest

/// Three `taskflow-server` instances on PostgreSQL behind nginx, as deploy/ describes:
/// what one instance guarantees must hold across all of them.
final class ClusterTests: XCTestCase {
    func testASocketThroughNginxSeesChangesMadeThroughEveryInstanceWithinOneSecond() async throws {
        let cluster = try await TaskFlowCluster()
        defer { cluster.stop() }
        let ann = try await cluster.register("Ann")
        try await withTimeout(30) {
            var (probe, iterator) = try await cluster.socket(token: ann.accessToken)
            defer { probe.close() }
            // Whichever instance nginx gave the socket, at least two of these are another one.
            for instance in 0..<3 {
                let title = "made on instance \(instance)"
                let (body, status) = try await createTask(cluster.url(of: instance), token: ann.accessToken, title: title)
                XCTAssertEqual(status, 201, body)
                let acknowledged = Date()
                let seen = await event("task-created", title: title, &iterator, probe)
                XCTAssertNotNil(seen, "no task-created for a change on instance \(instance)")
                XCTAssertLessThan(Date().timeIntervalSince(acknowledged), 1.0, "event from instance \(instance) was late")
            }
        }
    }

    /// A batch through nginx reaches the sockets of every instance, op by op, and `GET /sync`
    /// answers the same whichever instance serves it.
    func testABatchThroughNginxReachesSocketsOnEveryInstanceAndSyncIsTheSameEverywhere() async throws {
        let cluster = try await TaskFlowCluster()
        defer { cluster.stop() }
        let ann = try await cluster.register("Ann")
        try await withTimeout(30) {
            var sockets: [(SocketIOProbe, AsyncStream<String>.Iterator)] = []
            for instance in 0..<3 {
                let probe = SocketIOProbe(port: cluster.servers[instance].port)
                var iterator = probe.messages.makeAsyncIterator()
                try await SocketIOProbe.connect(port: cluster.servers[instance].port, token: ann.accessToken, iterator: &iterator, probe: probe)
                sockets.append((probe, iterator))
            }
            defer { for (probe, _) in sockets { probe.close() } }
            let ops = (0..<5).map { #"{"op":"create","task":{"title":"batched \#($0)"}}"# }
            let (body, status) = try await HTTP.request(
                "POST", cluster.url + "/api/v1/tasks/batch", headers: authorized(ann.accessToken), body: #"{"ops":[\#(ops.joined(separator: ","))]}"#)
            XCTAssertEqual(status, 200, body)
            XCTAssertEqual(body.components(separatedBy: #""status":201"#).count - 1, 5, body)
            for index in sockets.indices {
                for n in 0..<5 {
                    let seen = await event("task-created", title: "batched \(n)", &sockets[index].1, sockets[index].0)
                    XCTAssertNotNil(seen, "instance \(index)'s socket missed the event of op \(n)")
                }
            }
            var answers: Set<String> = []
            for instance in 0..<3 {
                let (sync, syncStatus) = try await HTTP.request("GET", cluster.url(of: instance) + "/api/v1/sync?limit=3", headers: authorized(ann.accessToken))
                XCTAssertEqual(syncStatus, 200, sync)
                answers.insert(sync)
            }
            XCTAssertEqual(answers.count, 1, "every instance answers sync alike: \(answers)")
            // nginx lets a batch of nearly 1 MiB through, to whichever instance.
            let description = String(repeating: "d", count: 9_000)
            let big = (0..<100).map { #"{"op":"create","task":{"title":"big \#($0)","description":"\#(description)"}}"# }
            let (bigBody, bigStatus) = try await HTTP.request(
                "POST", cluster.url + "/api/v1/tasks/batch", headers: authorized(ann.accessToken), body: #"{"ops":[\#(big.joined(separator: ","))]}"#)
            XCTAssertEqual(bigStatus, 200, String(bigBody.prefix(300)))
            XCTAssertEqual(bigBody.components(separatedBy: #""status":201"#).count - 1, 100)
        }
    }

    func testTheRateLimitAndAnIdempotencyKeyHoldAcrossInstances() async throws {
        let cluster = try await TaskFlowCluster(environment: ["RATE_LIMIT_MAX_REQUESTS": "10"])
        defer { cluster.stop() }
        let ann = try await cluster.register("Ann")
        var statuses: [Int] = []
        for i in 0..<13 {
            let (_, status) = try await HTTP.request("GET", cluster.url(of: i % 3) + "/api/v1/tasks", headers: authorized(ann.accessToken))
            statuses.append(status)
        }
        XCTAssertEqual(statuses, Array(repeating: 200, count: 10) + [429, 429, 429], "10 per window in total, not per instance")

        let bob = try await cluster.register("Bob")
        var ids: Set<String> = []
        for instance in 0..<3 {
            let (body, status) = try await createTask(cluster.url(of: instance), token: bob.accessToken, title: "once", key: "key-1")
            XCTAssertEqual(status, 201, body)
            ids.insert(try TaskFlowJSON.decode(TaskItem.self, from: Data(body.utf8)).id)
        }
        XCTAssertEqual(ids.count, 1, "every instance replays the first answer")
        let (conflict, status) = try await createTask(cluster.url(of: 2), token: bob.accessToken, title: "other", key: "key-1")
        XCTAssertEqual(status, 409, conflict)
        let (list, _) = try await HTTP.request("GET", cluster.url + "/api/v1/tasks", headers: authorized(bob.accessToken))
        XCTAssertEqual(try TaskFlowJSON.decode(TaskPage.self, from: Data(list.utf8)).pagination.total, 1)
    }

    func testSocketsOfAKilledInstanceReconnectThroughNginxAndResynchronise() async throws {
        let cluster = try await TaskFlowCluster()
        defer { cluster.stop() }
        let ann = try await cluster.register("Ann")
        try await withTimeout(40) {
            // least_conn spreads these over the three instances.
            var sockets: [(SocketIOProbe, AsyncStream<String>.Iterator)] = []
            for _ in 0..<6 { sockets.append(try await cluster.socket(token: ann.accessToken)) }
            defer { sockets.forEach { $0.0.close() } }

            cluster.servers[0].signal(SIGKILL)
            _ = try await cluster.servers[0].waitForExit()
            // A change while the killed instance's clients are away.
            let (body, status) = try await createTask(cluster.url, token: ann.accessToken, title: "made while away")
            XCTAssertEqual(status, 201, body)
            let missed = try TaskFlowJSON.decode(TaskItem.self, from: Data(body.utf8))

            var dropped = 0
            for (probe, start) in sockets {
                // A socket on the killed instance ends; the others carry on and get the event.
                var it = start
                if await event("task-created", title: "made while away", &it, probe) == nil { dropped += 1 }
            }
            XCTAssertGreaterThan(dropped, 0, "no socket was on the killed instance")
            XCTAssertLessThan(dropped, 6)

            // What a client does then: reconnect through nginx, reload, carry on live.
            for _ in 0..<dropped {
                var (probe, it) = try await cluster.socket(token: ann.accessToken)
                defer { probe.close() }
                let (list, listStatus) = try await HTTP.request("GET", cluster.url + "/api/v1/tasks", headers: authorized(ann.accessToken))
                XCTAssertEqual(listStatus, 200)
                XCTAssertTrue(try TaskFlowJSON.decode(TaskPage.self, from: Data(list.utf8)).tasks.contains(missed), "resync shows the missed change")
                let title = "after reconnect \(UUID().uuidString.prefix(4))"
                let (_, created) = try await createTask(cluster.url, token: ann.accessToken, title: title)
                XCTAssertEqual(created, 201)
                let seen = await event("task-created", title: title, &it, probe)
                XCTAssertNotNil(seen)
            }
        }
    }

    func testPostgresRestartingUnderLoadFailsFastLosesNothingAcknowledgedAndRecovers() async throws {
        let cluster = try await TaskFlowCluster(instances: 2)
        defer { cluster.stop() }
        let ann = try await cluster.register("Ann")
        let token = ann.accessToken
        let url = cluster.url

        // Writers on threads of their own: curl blocks, and blocking the few threads of the
        // concurrency pool would stall the test itself.
        let load = LoadWriters(url: url + "/api/v1/tasks", token: token, workers: 4, seconds: 12)
        try await Task.sleep(for: .seconds(2))
        try TestPostgresControl.stop()
        var readyWhileDown: Int?
        do {
            defer { try? TestPostgresControl.start() }
            try await Task.sleep(for: .seconds(1))
            readyWhileDown = try await HTTP.request("GET", cluster.url(of: 0) + "/ready").1
            try await Task.sleep(for: .seconds(2))
        }
        let outcomes = await load.outcomes()

        XCTAssertEqual(readyWhileDown, 503, "/ready must say the database is unreachable")
        let slowest = outcomes.map(\.seconds).max() ?? 0
        XCTAssertLessThan(slowest, 5, "a request hung for \(slowest) s")
        let unavailable = outcomes.filter { $0.status == 503 }
        XCTAssertFalse(unavailable.isEmpty, "no request saw the database go away")
        XCTAssertTrue(unavailable.allSatisfy { $0.body.contains("\"unavailable\"") }, "503s carry the error body")
        let unexpected = outcomes.filter { ![201, 503].contains($0.status) }
        XCTAssertEqual(unexpected.map { "\($0.status) \($0.body)" }, [], "only successes and clear 503s")

        // Recovery: every instance ready, and every acknowledged write is there.
        for instance in 0..<2 {
            // The pool reconnects with a growing pause (100 ms × 1.25ⁿ), so give it time.
            try await eventually("instance \(instance) to be ready again", within: .seconds(20), every: .milliseconds(200)) {
                try await HTTP.request("GET", cluster.url(of: instance) + "/ready").1 == 200
            }
        }
        let (afterBody, afterStatus) = try await createTask(url, token: token, title: "after recovery")
        XCTAssertEqual(afterStatus, 201, "writes succeed again after the restart: \(afterBody)")
        var stored: Set<String> = []
        var page = 1
        while true {
            let (body, _) = try await HTTP.request("GET", url + "/api/v1/tasks?limit=100&page=\(page)", headers: ["Authorization": "Bearer \(token)"])
            let tasks = try TaskFlowJSON.decode(TaskPage.self, from: Data(body.utf8)).tasks
            stored.formUnion(tasks.map(\.title))
            if tasks.count < 100 { break }
            page += 1
        }
        let acknowledged = Set(outcomes.filter { $0.status == 201 }.map(\.title))
        XCTAssertTrue(acknowledged.isSubset(of: stored), "lost: \(acknowledged.subtracting(stored).sorted())")

        // Live events flow again: the instances listen once more.
        try await withTimeout(10) {
            var (probe, it) = try await cluster.socket(token: token)
            defer { probe.close() }
            let title = "after the restart"
            _ = try await createTask(cluster.url(of: 1), token: token, title: title)
            let seen = await event("task-created", title: title, &it, probe)
            XCTAssertNotNil(seen)
        }
    }
}

private func authorized(_ token: String) -> [String: String] { ["Authorization": "Bearer \(token)"] }

private func createTask(_ base: String, token: String, title: String, key: String? = nil) async throws -> (String, Int) {
    var headers = authorized(token)
    if let key { headers["Idempotency-Key"] = key }
    return try await HTTP.request("POST", base + "/api/v1/tasks", headers: headers, body: #"{"title":"\#(title)"}"#)
}

/// The next `name` event (whose payload holds `title`), or nil when the socket closes first.
private func event(_ name: String, title: String, _ iterator: inout AsyncStream<String>.Iterator, _ probe: SocketIOProbe) async -> String? {
    await nextMatching(&iterator, probe: probe) { $0.hasPrefix("42[\"\(name)\"") && $0.contains(title) }
}

