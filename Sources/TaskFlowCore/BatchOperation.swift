import Foundation

/// One op of `POST /tasks/batch` (API.md, "Sync and batch").
public enum BatchOperation: Sendable, Equatable {
    /// A new task; `id` is the client's ULID (so a retry never creates it twice, and undo
    /// can bring a deleted task back under its id).
    case create(id: String?, fields: TaskChanges, idempotencyKey: String?)
    case update(id: String, changes: TaskChanges, ifMatch: Int?)
    case delete(id: String, ifMatch: Int?)
}

extension BatchOperation: Codable {
    private enum CodingKeys: String, CodingKey { case op, task, id, changes, ifMatch, idempotencyKey }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .create(let id, let fields, let key):
            try c.encode("create", forKey: .op)
            try c.encode(NewTask(id: id, fields: fields), forKey: .task)
            try c.encodeIfPresent(key, forKey: .idempotencyKey)
        case .update(let id, let changes, let ifMatch):
            try c.encode("update", forKey: .op)
            try c.encode(id, forKey: .id)
            try c.encode(changes, forKey: .changes)
            try c.encodeIfPresent(ifMatch, forKey: .ifMatch)
        case .delete(let id, let ifMatch):
            try c.encode("delete", forKey: .op)
            try c.encode(id, forKey: .id)
            try c.encodeIfPresent(ifMatch, forKey: .ifMatch)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .op) {
        case "create":
            let task = try c.decode(NewTask.self, forKey: .task)
            self = .create(id: task.id, fields: task.fields, idempotencyKey: try c.decodeIfPresent(String.self, forKey: .idempotencyKey))
        case "update":
            self = .update(
                id: try c.decode(String.self, forKey: .id), changes: try c.decode(TaskChanges.self, forKey: .changes),
                ifMatch: try c.decodeIfPresent(Int.self, forKey: .ifMatch))
        case "delete":
            self = .delete(id: try c.decode(String.self, forKey: .id), ifMatch: try c.decodeIfPresent(Int.self, forKey: .ifMatch))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .op, in: c, debugDescription: "unknown op \(other)")
        }
    }

    /// The task the op is about (nil for a create that lets the server choose).
    public var taskID: String? {
        switch self {
        case .create(let id, _, _): id
        case .update(let id, _, _), .delete(let id, _): id
        }
    }

    /// A create's task: its fields and, when chosen, its id, in one object.
    private struct NewTask: Codable {
        var id: String?
        var fields: TaskChanges
        private enum Key: String, CodingKey { case id }

        init(id: String?, fields: TaskChanges) {
            self.id = id
            self.fields = fields
        }

        init(from decoder: any Decoder) throws {
            fields = try TaskChanges(from: decoder)
            id = try decoder.container(keyedBy: Key.self).decodeIfPresent(String.self, forKey: .id)
        }

        func encode(to encoder: any Encoder) throws {
            try fields.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encodeIfPresent(id, forKey: .id)
        }
    }
}

/// What became of one op of a batch: the status its single endpoint would have answered,
/// with the task (201, 200, and 412's current task) or the error.
public struct BatchResult: Decodable, Sendable, Equatable {
    public var status: Int
    public var task: TaskItem?
    public var error: ErrorBody.Payload?

    public init(status: Int, task: TaskItem? = nil, error: ErrorBody.Payload? = nil) {
        self.status = status
        self.task = task
        self.error = error
    }
}

/// The answer of `POST /tasks/batch`.
public struct BatchAnswer: Decodable, Sendable, Equatable {
    public var results: [BatchResult]
}
