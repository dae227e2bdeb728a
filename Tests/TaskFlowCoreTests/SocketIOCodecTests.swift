import Foundation
import XCTest
@testable import TaskFlowCore

/// The one Engine.IO 4 / Socket.IO 5 codec, on the exact frames python-socketio (a
/// Socket.IO implementation we did not write) and our own server and client exchange.
final class SocketIOCodecTests: XCTestCase {
    private func packet(_ frame: String, file: StaticString = #filePath, line: UInt = #line) throws -> SocketIOPacket {
        guard case .message(let body) = try EngineIOPacket(decoding: frame) else {
            XCTFail("\(frame) is not an Engine.IO message", file: file, line: line)
            throw SocketIOWireError.empty
        }
        return try SocketIOPacket(decoding: body)
    }

    private func wireError(_ frame: String, file: StaticString = #filePath, line: UInt = #line) -> SocketIOWireError? {
        do {
            _ = try packet(frame, file: file, line: line)
            XCTFail("\(frame) was accepted", file: file, line: line)
            return nil
        } catch {
            return error as? SocketIOWireError
        }
    }

    // MARK: what python-socketio's client sends (frames copied from its encoder)

    func testPythonConnectWithAndWithoutAuth() throws {
        XCTAssertEqual(try packet("40"), SocketIOPacket(kind: .connect))
        let withToken = try packet(#"40{"token":"a.b.c"}"#)
        XCTAssertEqual(withToken.kind, .connect)
        XCTAssertEqual(withToken.namespace, "/")
        XCTAssertEqual(withToken.data?["token"]?.stringValue, "a.b.c")
        XCTAssertEqual(SocketIOPacket.connect(auth: ["token": "a.b.c"]).frame, #"40{"token":"a.b.c"}"#)
    }

    func testPythonNamespacedForms() throws {
        XCTAssertEqual(try packet("40/admin,"), SocketIOPacket(kind: .connect, namespace: "/admin"))
        let connect = try packet(#"40/admin,{"token":"t"}"#)
        XCTAssertEqual(connect.namespace, "/admin")
        XCTAssertEqual(connect.data?["token"], "t")
        let event = try packet(#"42/admin,7["join-room","u1"]"#)
        XCTAssertEqual(event, .event("join-room", ["u1"], ackID: 7, namespace: "/admin"))
        XCTAssertEqual(event.frame, #"42/admin,7["join-room","u1"]"#)
        // socket.io-parser also reads a namespace with nothing after it and no comma.
        XCTAssertEqual(try packet("40/admin").namespace, "/admin")
        // An explicit default namespace is the default namespace.
        XCTAssertEqual(try packet(#"42/,12["task-created",{}]"#), .event("task-created", [.object([:])], ackID: 12))
        XCTAssertEqual(SocketIOPacket.connectError("Invalid namespace", namespace: "/admin").frame, #"44/admin,{"message":"Invalid namespace"}"#)
    }

    func testPythonEventsAcksAndDisconnect() throws {
        let join = try packet(#"42["join-room","u1"]"#)
        XCTAssertEqual(join.eventName, "join-room")
        XCTAssertEqual(join.eventArguments, ["u1"])
        XCTAssertNil(join.ackID)
        XCTAssertEqual(try packet(#"4212["join-room","u1"]"#).ackID, 12)
        XCTAssertEqual(try packet("41"), SocketIOPacket(kind: .disconnect))
        XCTAssertEqual(try packet("433[]"), .ack(3))
        XCTAssertEqual(SocketIOPacket.ack(17).frame, "4317[]")
        // python escapes non-ASCII; the value is the same.
        XCTAssertEqual(try packet(#"42["x",{"a":"\u00e9/\u2028"}]"#).eventArguments, [["a": "é/\u{2028}"]])
    }

    func testEngineIOHeartbeatAndControlFrames() throws {
        XCTAssertEqual(try EngineIOPacket(decoding: "2"), .ping)
        XCTAssertEqual(try EngineIOPacket(decoding: "3"), .pong)
        XCTAssertEqual(try EngineIOPacket(decoding: "1"), .close)
        XCTAssertEqual(try EngineIOPacket(decoding: "6"), .noop)
        XCTAssertEqual(try EngineIOPacket(decoding: "2probe"), .ping)
        XCTAssertEqual(try EngineIOPacket(decoding: #"42["x"]"#), .message(#"2["x"]"#))
        XCTAssertEqual(EngineIOPacket.ping.encoded, "2")
        XCTAssertEqual(EngineIOPacket.pong.encoded, "3")
    }

    func testBinaryPlaceholdersAreRefusedCleanly() {
        // python-socketio's `emit("up", b"\x01\x02")` is this text frame plus a binary frame.
        XCTAssertEqual(wireError(#"451-["up",{"_placeholder":true,"num":0}]"#)?.isBinary, true)
        XCTAssertEqual(wireError(#"461-[{"_placeholder":true,"num":0}]"#)?.isBinary, true)
        XCTAssertThrowsError(try EngineIOPacket(decoding: "bAQI=")) { XCTAssertEqual(($0 as? SocketIOWireError)?.isBinary, true) }
    }

    // MARK: what the server sends and the client reads

    func testOpenPacketBothSpellings() throws {
        let python = #"0{"sid":"abc","upgrades":[],"pingTimeout":20000,"pingInterval":25000,"maxPayload":1000000}"#
        let expected = EngineIOHandshake(sid: "abc", pingInterval: .seconds(25), pingTimeout: .seconds(20), maxPayload: 1_000_000)
        XCTAssertEqual(try EngineIOPacket(decoding: python), .open(expected))
        let ours = EngineIOPacket.open(expected).encoded
        XCTAssertEqual(ours, #"0{"maxPayload":1000000,"pingInterval":25000,"pingTimeout":20000,"sid":"abc","upgrades":[]}"#)
        XCTAssertEqual(try EngineIOPacket(decoding: ours), .open(expected))
        // Servers before Engine.IO 4.1 leave maxPayload out.
        XCTAssertEqual(
            try EngineIOPacket(decoding: #"0{"sid":"s","upgrades":["websocket"],"pingInterval":200,"pingTimeout":300}"#),
            .open(EngineIOHandshake(sid: "s", upgrades: ["websocket"], pingInterval: .milliseconds(200), pingTimeout: .milliseconds(300))))
        for broken in ["0", "0{}", #"0{"sid":"s","pingInterval":"25000","pingTimeout":1}"#, "0{bad"] {
            XCTAssertThrowsError(try EngineIOPacket(decoding: broken), broken)
        }
    }

    func testConnectAnswers() throws {
        XCTAssertEqual(SocketIOPacket.connected(sid: "x").frame, #"40{"sid":"x"}"#)
        XCTAssertEqual(try packet(#"40{"sid":"x"}"#), .connected(sid: "x"))
        XCTAssertEqual(SocketIOPacket.connectError("unauthorized").frame, #"44{"message":"unauthorized"}"#)
        XCTAssertEqual(try packet(#"44{"message":"unauthorized"}"#), .connectError("unauthorized"))
        // Socket.IO 2 servers sent a bare string.
        XCTAssertEqual(try packet(#"44"Not authorized""#).data, "Not authorized")
    }

    func testLiveEventsAsFramesAndBack() throws {
        let task = TaskItem(
            id: "01J0", title: "Live 🎉 \"タスク\"", description: "a\nb", status: .done, priority: .high, dueDate: nil,
            completedAt: Date(millis: 1_796_117_400_123), createdAt: Date(millis: 1_796_117_400_000),
            updatedAt: Date(millis: 1_796_117_400_123), version: 2)
        let deleted = LiveEvent.deleted(id: "a", version: 3)
        XCTAssertEqual(deleted.socketIOFrame, #"42["task-deleted",{"id":"a","version":3}]"#)
        XCTAssertEqual(
            LiveEvent.created(task).socketIOFrame,
            #"42["task-created","# + String(decoding: try TaskFlowJSON.encode(task), as: UTF8.self) + "]")
        for event in [LiveEvent.created(task), .updated(task), deleted] {
            XCTAssertEqual(try LiveEvent(packet(event.socketIOFrame)), event)
        }
        XCTAssertNil(try LiveEvent(packet(#"42["something-else",{}]"#)), "unknown events are skipped")
        XCTAssertNil(try LiveEvent(packet(#"40{"sid":"x"}"#)))
        XCTAssertThrowsError(try LiveEvent(packet(#"42["task-created",{"id":1}]"#)), "a malformed task is an error")
    }

    // MARK: what no peer may send

    func testMalformedPacketsAreErrorsNotGuesses() {
        XCTAssertThrowsError(try EngineIOPacket(decoding: ""))
        XCTAssertThrowsError(try EngineIOPacket(decoding: "9"))
        XCTAssertThrowsError(try SocketIOPacket(decoding: ""))
        for frame in [
            "42garbage", #"42{"a":1}"#, "42[]", "42[1.5]", #"42["connect"]"#, #"42["disconnect",{}]"#, #"41{"a":1}"#,
            #"40["token"]"#, "43{}", "47", "4٣", #"4299999999999999999999999["x"]"#, #"42["x""#,
        ] {
            XCTAssertNotNil(wireError(frame), frame)
        }
    }

    func testJSONValuesKeepTheirTypesAndOneSpelling() throws {
        let value = try JSONValue(parsing: #"[1, true, 1.5, null, "s", {"b": 1, "a": []}, false, 0, -7]"#)
        XCTAssertEqual(value, [1, true, .double(1.5), nil, "s", ["b": 1, "a": []], false, 0, -7])
        XCTAssertEqual(value.json, #"[1,true,1.5,null,"s",{"a":[],"b":1},false,0,-7]"#)
        XCTAssertEqual(JSONValue.string("q\"\\\n\u{0}").json, #""q\"\\\n\u0000""#)
        XCTAssertEqual(try JSONValue(parsing: JSONValue.string("q\"\\\n\u{0}").json), "q\"\\\n\u{0}")
    }
}
