import Foundation

extension LiveEvent {
    /// The text frame every socket of the owner gets: `42["task-created",{…}]`. Written
    /// straight from the task (no intermediate `JSONValue`): one event goes to many sockets.
    public var socketIOFrame: String {
        var w = JSONWriter(capacity: 512)
        w.raw("42[")
        w.string(name)
        w.raw(",")
        switch self {
        case .created(let task), .updated(let task):
            task.writeJSON(into: &w)
        case .deleted(let id, let version):
            w.raw("{\"id\":")
            w.string(id)
            w.raw(",\"version\":")
            w.int(version)
            w.raw("}")
        }
        w.raw("]")
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The event an event packet announces; nil for other packets and unknown event names.
    public init?(_ packet: SocketIOPacket) throws {
        guard let name = packet.eventName else { return nil }
        let payload = Data((packet.eventArguments.first ?? .null).json.utf8)
        guard let event = try LiveEvent.decode(name: name, payload: payload) else { return nil }
        self = event
    }
}
