import Foundation
import XCTest
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport

/// The live feed against the real server: Socket.IO, restart and reconnect, polling.
final class ServerLiveTests: XCTestCase {
    /// Reads the feed until `predicate` matches, failing after `timeout`.
    final class FeedReader: @unchecked Sendable {
        // @unchecked: the iterator is only used by the one test task that owns this reader.
        var iterator: AsyncStream<LiveUpdate>.Iterator
        var seen: [LiveUpdate] = []

        init(_ feed: LiveFeed) { iterator = feed.updates().makeAsyncIterator() }

        func next(within timeout: Duration, where predicate: @escaping (LiveUpdate) -> Bool) async throws -> LiveUpdate {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                let update = try await withThrowingTaskGroup(of: LiveUpdate?.self) { group in
                    group.addTask { [self] in await iterator.next() }
                    group.addTask { try await Task.sleep(until: deadline); return nil }
                    let first = try await group.next()!
                    group.cancelAll()
                    return first
                }
                guard let update else { break }
                seen.append(update)
                if predicate(update) { return update }
            }
            throw SupportError("no matching update within \(timeout); saw \(seen)")
        }
    }

    static func isLive(_ update: LiveUpdate) -> Bool { update == .state(.live) }
    static func isEvent(_ update: LiveUpdate) -> Bool { if case .event = update { true } else { false } }

    func testChangeByAnotherClientArrivesWithinOneSecond() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let (client, email, home) = try await RealServer.newUser(server)
        defer { home.remove() }
        let otherHome = try TemporaryDirectory()
        defer { otherHome.remove() }
        let other = try RealServer.client(server, home: otherHome)
        try await other.login(email: email, password: RealServer.password)

        let reader = FeedReader(LiveFeed(client: client))
        _ = try await reader.next(within: .seconds(10), where: Self.isLive)
        let started = ContinuousClock.now
        let created = try await other.createTask(TaskChanges(title: "From elsewhere")).value
        let update = try await reader.next(within: .seconds(1), where: Self.isEvent)
        XCTAssertEqual(update, .event(.created(created)))
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(1))

        try await other.deleteTask(id: created.id)
        let deleted = try await reader.next(within: .seconds(1), where: Self.isEvent)
        XCTAssertEqual(deleted, .event(.deleted(id: created.id, version: 2)))
    }

    /// After the server restarts the feed reconnects, asks for a resync, and delivers events again.
    func testFeedReconnectsAndResyncsAfterServerRestart() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let (client, _, home) = try await RealServer.newUser(server)
        defer { home.remove() }
        var options = LiveOptions()
        options.backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(1), jitter: 0.5)
        options.pollInterval = .milliseconds(300)
        let reader = FeedReader(LiveFeed(client: client, options: options))
        _ = try await reader.next(within: .seconds(10), where: Self.isLive)

        try await server.restart(after: .milliseconds(500))
        _ = try await reader.next(within: .seconds(15)) { $0 == .resync }
        let lastState = reader.seen.last { if case .state = $0 { true } else { false } }
        if lastState != .state(.live) { _ = try await reader.next(within: .seconds(15), where: Self.isLive) }
        XCTAssertTrue(reader.seen.contains { if case .state(.offline) = $0 { true } else { false } }, "\(reader.seen)")

        let created = try await client.createTask(TaskChanges(title: "After restart")).value
        let update = try await reader.next(within: .seconds(2), where: Self.isEvent)
        XCTAssertEqual(update, .event(.created(created)))
    }

    /// A feed that starts while the server is down asks for a resync the first time it gets
    /// through: what its consumer loaded meanwhile failed (issue 15, defect 1).
    func testAFeedStartedWhileTheServerIsDownResyncsWhenItFirstGetsThrough() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let (client, _, home) = try await RealServer.newUser(server)
        defer { home.remove() }
        server.terminate()
        var options = LiveOptions()
        options.backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(1), jitter: 0.5)
        options.pollInterval = .milliseconds(300)
        let reader = FeedReader(LiveFeed(client: client, options: options))
        _ = try await reader.next(within: .seconds(10)) { if case .state(.offline) = $0 { true } else { false } }

        try await server.restart()
        _ = try await reader.next(within: .seconds(15)) { $0 == .resync }
        let through = reader.seen.lastIndex { update in
            switch update {
            case .state(.live), .state(.polling): true
            default: false
            }
        }
        XCTAssertEqual(through, reader.seen.count - 2, "the resync comes right after the feed got through: \(reader.seen)")
    }

    func testPollingAloneFindsCreationsUpdatesAndDeletions() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let (client, _, home) = try await RealServer.newUser(server)
        defer { home.remove() }
        let kept = try await client.createTask(TaskChanges(title: "Kept")).value
        var options = LiveOptions()
        options.mode = .pollingOnly
        options.pollInterval = .milliseconds(200)
        let reader = FeedReader(LiveFeed(client: client, options: options))
        _ = try await reader.next(within: .seconds(5)) { if case .state(.polling) = $0 { true } else { false } }
        // Every poll that answers, even with nothing new, says the data is current.
        _ = try await reader.next(within: .seconds(2)) { $0 == .synced }
        try await Task.sleep(for: .milliseconds(300))

        let created = try await client.createTask(TaskChanges(title: "Polled")).value
        let createdUpdate = try await reader.next(within: .seconds(3), where: Self.isEvent)
        XCTAssertEqual(createdUpdate, .event(.created(created)))
        let changed = try await client.updateTask(id: kept.id, TaskChanges(status: .done)).value
        let changedUpdate = try await reader.next(within: .seconds(3), where: Self.isEvent)
        XCTAssertEqual(changedUpdate, .event(.updated(changed)))
        try await client.deleteTask(id: created.id)
        let deletedUpdate = try await reader.next(within: .seconds(3), where: Self.isEvent)
        XCTAssertEqual(deletedUpdate, .event(.deleted(id: created.id, version: 2)))
    }
}
