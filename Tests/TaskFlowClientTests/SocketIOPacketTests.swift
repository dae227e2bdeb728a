import Foundation
import Testing
@testable import TaskFlowClient

@Suite("Engine.IO 4 and Socket.IO 5 packets")
struct SocketIOPacketTests {
    @Test("the open packet gives the heartbeat timings")
    func openPacket() {
        let packet = EnginePacket(#"0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}"#)
        #expect(packet == .open(pingInterval: .seconds(25), pingTimeout: .seconds(20)))
        #expect(EnginePacket("2") == .ping)
        #expect(EnginePacket("42[\"x\"]") == .message("2[\"x\"]"))
        #expect(EnginePacket("") == nil)
    }

    @Test("events decode with their first argument, with or without namespace and ack id")
    func events() throws {
        guard case .event(let name, let payload) = SocketIOPacket(#"2["task-deleted",{"id":"a","version":3}]"#) else {
            Issue.record("not an event"); return
        }
        #expect(name == "task-deleted")
        let object = try JSONSerialization.jsonObject(with: payload) as? [String: Any]
        #expect(object?["id"] as? String == "a")
        guard case .event(let acked, _) = SocketIOPacket(#"2/,12["task-created",{}]"#) else { Issue.record("ack id not skipped"); return }
        #expect(acked == "task-created")
        #expect(SocketIOPacket(#"2/admin,["task-created",{}]"#) == .other)
    }

    @Test("connect, connect error and disconnect")
    func control() {
        #expect(SocketIOPacket(#"0{"sid":"x"}"#) == .connected)
        #expect(SocketIOPacket(#"4{"message":"unauthorized"}"#) == .connectError(message: "unauthorized"))
        #expect(SocketIOPacket("1") == .disconnect)
    }

    @Test("what the client sends")
    func outgoing() {
        #expect(SocketIOPacket.connectText(token: "t.k") == #"40{"token":"t.k"}"#)
        #expect(SocketIOPacket.eventText("join-room", "u1") == #"42["join-room","u1"]"#)
    }
}
