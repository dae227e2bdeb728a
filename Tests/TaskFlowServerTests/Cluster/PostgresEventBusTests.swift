import Foundation
import Synchronization
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// LISTEN/NOTIFY between two buses on one database, as between two instances.
final class PostgresEventBusTests: XCTestCase {
    private func store() async throws -> PostgresStore {
        let url = try await PostgresTestDatabase.create("events")
        return try await PostgresStore(url: url, pool: PostgresTestDatabase.testPool, logger: PostgresTestDatabase.logger)
    }

    private func user(_ store: PostgresStore) async throws -> User {
        try await store.createUser(name: "Ann", email: "\(UUID().uuidString.lowercased())@example.com", passwordHash: "h", now: Date())
    }

    func testAChangeAnnouncedByOneInstanceReachesTheSocketsOfAnother() async throws {
        let store = try await store()
        defer { store.shutdown() }
        let ann = try await user(store)
        let here = LiveHub(), there = LiveHub()
        let sender = PostgresEventBus(store: store, hub: here, logger: PostgresTestDatabase.logger)
        var receiver = PostgresEventBus(store: store, hub: there, logger: PostgresTestDatabase.logger)
        let (listening, listeningContinuation) = AsyncStream.makeStream(of: Void.self)
        receiver.onListening = { listeningContinuation.yield() }
        let running = Task { [receiver] in try await receiver.run() }
        defer { running.cancel() }
        var ready = listening.makeAsyncIterator()
        _ = await ready.next()

        let subscription = await there.subscribe(userID: ann.id)
        guard case .created(let task) = try await store.createTask(
            userID: ann.id, draft: TaskDraft(title: "Across"), now: Date(), idempotency: nil)
        else { return XCTFail("not created") }
        await sender.publish(.created(task), to: ann.id)
        await sender.publish(.deleted(id: task.id, version: 2), to: ann.id)
        let events = try await withTimeout(5) {
            var iterator = subscription.events.makeAsyncIterator()
            return [await iterator.next(), await iterator.next()]
        }
        XCTAssertEqual(events, [.created(task), .deleted(id: task.id, version: 2)], "the receiver loads the task the notice names")
    }

    func testANoticeOfAnUnknownVersionOrShapeIsIgnored() async throws {
        let store = try await store()
        defer { store.shutdown() }
        let ann = try await user(store)
        let hub = LiveHub()
        let bus = PostgresEventBus(store: store, hub: hub, logger: PostgresTestDatabase.logger)
        let subscription = await hub.subscribe(userID: ann.id)
        await bus.deliver(#"{"v":2,"u":"\#(ann.id)","k":"deleted","t":"from-the-future","n":2}"#)
        await bus.deliver(#"{"v":1,"u":"\#(ann.id)","k":"renamed","t":"odd-kind","n":2}"#)
        await bus.deliver("not json")
        await bus.deliver(#"{"v":1,"u":"\#(ann.id)","k":"deleted","t":"known","n":3}"#)
        let first = try await withTimeout(5) {
            var iterator = subscription.events.makeAsyncIterator()
            return await iterator.next()
        }
        XCTAssertEqual(first, .deleted(id: "known", version: 3), "only the notice of the known version and shape is delivered")
        XCTAssertNil(LiveNotice.parse(#"{"v":2,"u":"x","k":"created","t":"y","n":1}"#))
    }
}
