import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// The Socket.IO endpoint on a live server, driven by a real WebSocket client.
final class SocketIOTests: XCTestCase {
    private func live(
        _ configure: @escaping (inout ServerConfiguration) -> Void = { _ in },
        _ test: @escaping @Sendable (any TestClientProtocol, Int) async throws -> Void
    ) async throws {
        let services = try await TestServer.services(configure)
        try await TestServer.app(services).test(.live) { client in
            let port = client.port!
            try await withTimeout(30) { try await test(client, port) }
        }
    }

    func testOpenPacketThenTokenAuthInConnect() async throws {
        try await live { client, port in
            let ann = try await client.register()
            let probe = SocketIOProbe(port: port)
            var messages = probe.messages.makeAsyncIterator()
            guard let first = await messages.next() else { return XCTFail("no open packet") }
            XCTAssertTrue(first.hasPrefix("0{"), first)
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(first.dropFirst().utf8)) as? [String: Any])
            XCTAssertEqual(object["pingInterval"] as? Int, 25000)
            XCTAssertEqual(object["pingTimeout"] as? Int, 20000)
            XCTAssertEqual(object["maxPayload"] as? Int, 1_000_000)
            XCTAssertEqual((object["upgrades"] as? [Any])?.count, 0)
            XCTAssertFalse((object["sid"] as? String ?? "").isEmpty)
            probe.send(#"40{"token":"\#(ann.accessToken)"}"#)
            let connected = await messages.next()
            XCTAssertTrue(connected?.hasPrefix(#"40{"sid":""#) == true, connected ?? "nil")
            probe.close()
        }
    }

    func testBadTokenGets44AndTheSocketCloses() async throws {
        try await live { client, port in
            for token in ["", "not-a-jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwidHlwIjoiYWNjZXNzIn0."] {
                let answered = await answers(toConnect: #"40{"token":"\#(token)"}"#, port: port)
                XCTAssertEqual(answered, [#"44{"message":"unauthorized"}"#], "44, then the socket closes")
            }
            // No auth object at all.
            let probe = SocketIOProbe(port: port)
            var messages = probe.messages.makeAsyncIterator()
            _ = await messages.next()
            probe.send("40")
            let received3 = await messages.next()
            XCTAssertEqual(received3, #"44{"message":"unauthorized"}"#)
        }
    }

    func testEveryOwnerSocketGetsCreatedUpdatedDeletedAndNobodyElseDoes() async throws {
        try await live { client, port in
            let ann = try await client.register()
            let bob = try await client.register(name: "Bob", email: "bob@example.com")
            let annPhone = SocketIOProbe(port: port), annLaptop = SocketIOProbe(port: port), bobs = SocketIOProbe(port: port)
            var phone = annPhone.messages.makeAsyncIterator()
            var laptop = annLaptop.messages.makeAsyncIterator()
            var bobMessages = bobs.messages.makeAsyncIterator()
            try await SocketIOProbe.connect(port: port, token: ann.accessToken, iterator: &phone, probe: annPhone)
            try await SocketIOProbe.connect(port: port, token: ann.accessToken, iterator: &laptop, probe: annLaptop)
            try await SocketIOProbe.connect(port: port, token: bob.accessToken, iterator: &bobMessages, probe: bobs)
            // The production design's client joins its own room; the server accepts and ignores it.
            annPhone.send(#"42["join-room","\#(ann.user.id)"]"#)
            // Joining someone else's room must not leak their events.
            bobs.send(#"42["join-room","\#(ann.user.id)"]"#)
            // A ping after each join-room: the server reads a socket's packets in order, so
            // its pong means the join-room has been handled before the task is created.
            for (probe, name) in [(annPhone, "phone"), (bobs, "bob")] {
                probe.send("2")
                var it = name == "phone" ? phone : bobMessages
                let pong = await nextMatching(&it, probe: probe) { $0 == "3" }
                XCTAssertEqual(pong, "3")
                if name == "phone" { phone = it } else { bobMessages = it }
            }

            let task = try await client.createTask(#"{"title":"Live 🎉 タスク"}"#, token: ann.accessToken)
            for (name, probe) in [("phone", annPhone), ("laptop", annLaptop)] {
                var it = name == "phone" ? phone : laptop
                let created = await nextMatching(&it, probe: probe) { $0.hasPrefix("42") }
                XCTAssertEqual(try Self.event(created), "task-created")
                XCTAssertEqual(try Self.payload(created, as: TaskItem.self), task)
                if name == "phone" { phone = it } else { laptop = it }
            }
            let updated = try await client.json(
                .patch, "/api/v1/tasks/\(task.id)", token: ann.accessToken, body: #"{"status":"done"}"#)
            XCTAssertEqual(updated.status, .ok)
            let updateEvent = await nextMatching(&phone, probe: annPhone) { $0.hasPrefix("42") }
            XCTAssertEqual(try Self.event(updateEvent), "task-updated")
            let updatedTask = try Self.payload(updateEvent, as: TaskItem.self)
            XCTAssertEqual(updatedTask.status, .done)
            XCTAssertEqual(updatedTask.version, 2)
            XCTAssertNotNil(updatedTask.completedAt)

            // A write that changes nothing sends no event: the next event must be the delete.
            _ = try await client.json(.patch, "/api/v1/tasks/\(task.id)", token: ann.accessToken, body: #"{"status":"done"}"#)
            let deleted = try await client.json(.delete, "/api/v1/tasks/\(task.id)", token: ann.accessToken)
            XCTAssertEqual(deleted.status, .noContent)
            let deleteEvent = await nextMatching(&phone, probe: annPhone) { $0.hasPrefix("42") }
            XCTAssertEqual(deleteEvent, #"42["task-deleted",{"id":"\#(task.id)","version":3}]"#)

            // Bob's first event is his own task, not any of Ann's three.
            let bobTask = try await client.createTask(#"{"title":"Bob's"}"#, token: bob.accessToken)
            let bobEvent = await nextMatching(&bobMessages, probe: bobs) { $0.hasPrefix("42") }
            XCTAssertEqual(try Self.payload(bobEvent, as: TaskItem.self).id, bobTask.id)
            for probe in [annPhone, annLaptop, bobs] { probe.close() }
        }
    }

    func testNothingIsSentBeforeConnectSucceeds() async throws {
        try await live { client, port in
            let ann = try await client.register()
            let probe = SocketIOProbe(port: port)
            var messages = probe.messages.makeAsyncIterator()
            _ = await messages.next()  // open
            _ = try await client.createTask(#"{"title":"before connect"}"#, token: ann.accessToken)
            probe.send(#"40{"token":"\#(ann.accessToken)"}"#)
            let received4 = await messages.next()?.hasPrefix("40{")
            XCTAssertTrue(received4 == true)
            let after = try await client.createTask(#"{"title":"after connect"}"#, token: ann.accessToken)
            let event = await nextMatching(&messages, probe: probe) { $0.hasPrefix("42") }
            XCTAssertEqual(try Self.payload(event, as: TaskItem.self).id, after.id, "the pre-connect task must not be sent")
            probe.close()
        }
    }

    func testServerPingsAndClosesASilentClient() async throws {
        try await live({ $0.pingIntervalMillis = 200; $0.pingTimeoutMillis = 300 }) { client, port in
            let ann = try await client.register()
            // A client that answers pings stays connected for many intervals.
            let polite = SocketIOProbe(port: port)
            var politeMessages = polite.messages.makeAsyncIterator()
            let open = try await SocketIOProbe.connect(port: port, token: ann.accessToken, iterator: &politeMessages, probe: polite)
            XCTAssertEqual(open["pingInterval"] as? Int, 200)
            let pings = await answerPings(5, &politeMessages, probe: polite)
            XCTAssertEqual(pings, 5)
            // A client that never answers is closed after pingInterval + pingTimeout.
            let silent = SocketIOProbe(port: port)
            var silentMessages = silent.messages.makeAsyncIterator()
            _ = await silentMessages.next()
            silent.send(#"40{"token":"\#(ann.accessToken)"}"#)
            let started = ContinuousClock.now
            while await silentMessages.next() != nil {}
            let elapsed = ContinuousClock.now - started
            XCTAssertLessThan(elapsed, .seconds(3), "a silent client must be dropped")
            XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(450))
            polite.close()
        }
    }

    /// Pings keep the interval's rhythm: waiting for the answer does not delay the next one
    /// (they came every interval + timeout before, when a client is about to give up).
    func testPingsComeEveryIntervalNotIntervalPlusTimeout() async throws {
        try await live({ $0.pingIntervalMillis = 300; $0.pingTimeoutMillis = 250 }) { client, port in
            let ann = try await client.register()
            let probe = SocketIOProbe(port: port)
            var messages = probe.messages.makeAsyncIterator()
            try await SocketIOProbe.connect(port: port, token: ann.accessToken, iterator: &messages, probe: probe)
            let first = await answerPings(1, &messages, probe: probe)
            XCTAssertEqual(first, 1)
            let started = ContinuousClock.now
            let next = await answerPings(4, &messages, probe: probe)
            XCTAssertEqual(next, 4)
            let perPing = (ContinuousClock.now - started) / 4
            // 300 ms apart now; 550 ms before. The middle leaves room for a busy machine.
            XCTAssertLessThan(perPing, .milliseconds(425), "pings came every \(perPing)")
            XCTAssertGreaterThanOrEqual(perPing, .milliseconds(290))
            probe.close()
        }
    }

    func testAcknowledgementsAreAnsweredAndUnknownPacketsIgnored() async throws {
        try await live { client, port in
            let ann = try await client.register()
            let probe = SocketIOProbe(port: port)
            var messages = probe.messages.makeAsyncIterator()
            try await SocketIOProbe.connect(port: port, token: ann.accessToken, iterator: &messages, probe: probe)
            probe.send("6")  // Engine.IO noop
            probe.send("42garbage")
            probe.send(#"4217["join-room","\#(ann.user.id)"]"#)
            let received5 = await messages.next()
            XCTAssertEqual(received5, "4317[]")
            probe.send("2")
            let received6 = await messages.next()
            XCTAssertEqual(received6, "3")
            probe.close()
        }
    }

    private static func event(_ message: String?) throws -> String {
        let array = try JSONSerialization.jsonObject(with: Data(XCTUnwrap(message).dropFirst(2).utf8)) as? [Any]
        return try XCTUnwrap(array?.first as? String)
    }

    private static func payload<T: Decodable>(_ message: String?, as type: T.Type) throws -> T {
        let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(XCTUnwrap(message).dropFirst(2).utf8)) as? [Any])
        let data = try JSONSerialization.data(withJSONObject: XCTUnwrap(array.last))
        return try TaskFlowJSON.decode(type, from: data)
    }
}
