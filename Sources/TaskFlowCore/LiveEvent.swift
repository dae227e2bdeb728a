import Foundation

/// A change to one of a user's tasks, as the live channel announces it.
public enum LiveEvent: Sendable, Equatable {
    case created(TaskItem)
    case updated(TaskItem)
    /// `version` is the deleted task's last version plus one.
    case deleted(id: String, version: Int)

    /// The Socket.IO event name.
    public var name: String {
        switch self {
        case .created: "task-created"
        case .updated: "task-updated"
        case .deleted: "task-deleted"
        }
    }

    public var taskID: String {
        switch self {
        case .created(let task), .updated(let task): task.id
        case .deleted(let id, _): id
        }
    }

    public var version: Int {
        switch self {
        case .created(let task), .updated(let task): task.version
        case .deleted(_, let version): version
        }
    }

    /// The payload object as JSON text.
    public func payloadJSON() throws -> String {
        let data: Data
        switch self {
        case .created(let task), .updated(let task):
            data = try TaskFlowJSON.encode(task)
        case .deleted(let id, let version):
            data = try TaskFlowJSON.encode(DeletedPayload(id: id, version: version))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Builds an event from its Socket.IO name and JSON payload; nil for unknown names.
    public static func decode(name: String, payload: Data) throws -> LiveEvent? {
        switch name {
        case "task-created": return .created(try TaskFlowJSON.decode(TaskItem.self, from: payload))
        case "task-updated": return .updated(try TaskFlowJSON.decode(TaskItem.self, from: payload))
        case "task-deleted":
            let p = try TaskFlowJSON.decode(DeletedPayload.self, from: payload)
            return .deleted(id: p.id, version: p.version)
        default: return nil
        }
    }

    private struct DeletedPayload: Codable {
        var id: String
        var version: Int
    }
}
