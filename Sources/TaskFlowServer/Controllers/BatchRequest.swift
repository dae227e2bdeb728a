import Crypto
import Foundation
import TaskFlowCore

/// The body of `POST /tasks/batch`: `{"ops": [op]}` with 1–100 ops. The shape of each op
/// is checked here (a wrong one refuses the whole batch, nothing applied); the task fields
/// inside are checked per op, by the single endpoints' own rules, so one bad op is one 400
/// result. Decoded in one typed pass: a batch is the hot path of a syncing client.
struct BatchRequest {
    static let maxOps = 100
    static let bodyMax = 1 << 20

    let ops: [Op]

    init(body: Data) throws {
        let decoded = try RequestBody.decode(Body.self, from: body)
        guard (1...Self.maxOps).contains(decoded.ops.count) else {
            throw APIError.validation(FieldProblem("ops", "must be a list of 1 to \(Self.maxOps) ops"))
        }
        for (index, op) in decoded.ops.enumerated() {
            if let version = op.ifMatch, version < 1 {
                throw APIError.validation(FieldProblem("ops.\(index).ifMatch", "must be a version number (from 1)"))
            }
            if let key = op.idempotencyKey, !(1...255).contains(key.count) {
                throw APIError.validation(FieldProblem("ops.\(index).idempotencyKey", "must be 1–255 characters"))
            }
        }
        ops = decoded.ops
    }

    private struct Body: Decodable {
        var ops: [Op]
    }

    /// One op as sent. Its `task` or `changes` object is decoded on its own, so that what
    /// is wrong inside it is that op's result rather than the whole batch's.
    struct Op: Decodable {
        enum Kind: String, Decodable { case create, update, delete }

        var kind: Kind
        var id: String?
        var ifMatch: Int?
        var idempotencyKey: String?
        /// `task` (create) or `changes` (update), or why they could not be read.
        var fields: Result<TaskChanges, DecodingError>?
        /// A create's chosen `id`, or why it could not be read.
        var chosenID: Result<String?, DecodingError>?

        private enum Key: String, CodingKey { case op, id, ifMatch, idempotencyKey, task, changes }
        private struct ChosenID: Decodable { var id: String? }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            kind = try c.decode(Kind.self, forKey: .op)
            ifMatch = try c.decodeIfPresent(Int.self, forKey: .ifMatch)
            idempotencyKey = try c.decodeIfPresent(String.self, forKey: .idempotencyKey)
            switch kind {
            case .create:
                let task = try Self.object(c, .task)
                fields = Result { try TaskChanges(from: task) }.mapError(Self.decodingError)
                chosenID = Result { try ChosenID(from: task).id }.mapError(Self.decodingError)
            case .update:
                id = try c.decode(String.self, forKey: .id)
                let changes = try Self.object(c, .changes)
                fields = Result { try TaskChanges(from: changes) }.mapError(Self.decodingError)
            case .delete:
                id = try c.decode(String.self, forKey: .id)
            }
        }

        /// The member `key`, which must be a JSON object (else the whole batch is refused).
        private static func object(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws -> any Decoder {
            _ = try c.nestedContainer(keyedBy: Key.self, forKey: key)
            return try c.superDecoder(forKey: key)
        }

        private static func decodingError(_ error: any Error) -> DecodingError {
            error as? DecodingError ?? .dataCorrupted(.init(codingPath: [], debugDescription: "\(error)"))
        }
    }
}

extension BatchRequest.Op {
    /// The write this op asks for, validated exactly as its single endpoint would; a
    /// `validation_failed` or `not_found` error becomes this op's result.
    func write() throws -> TaskWrite {
        switch kind {
        case .create:
            var draft = try TaskInput.draft(from: try Self.read(fields))
            if let chosen = try Self.read(chosenID) {
                guard let id = ULID.normalised(chosen) else {
                    throw ValidationFailure([FieldProblem("id", "must be a ULID: 26 characters of Crockford base32")])
                }
                draft.id = id
            }
            // The key's "body" is the op's task: its fields and id in canonical JSON.
            let claim = try idempotencyKey.map { key in
                IdempotencyClaim(key: key, bodyHash: Hex.encode(SHA256.hash(data: try Self.canonical(draft))))
            }
            return .create(draft, idempotency: claim)
        case .update:
            let id = try Self.checked(id)
            return .update(id: id, changes: try TaskInput.validated(try Self.read(fields)), expectedVersion: ifMatch)
        case .delete:
            return .delete(id: try Self.checked(id), expectedVersion: ifMatch)
        }
    }

    /// The decoded value, or the contract's error for what was wrong, naming the field as
    /// the single endpoint would (without the `ops.N.task.` in front).
    private static func read<T>(_ result: Result<T, DecodingError>?) throws -> T {
        switch result {
        case .success(let value)?: return value
        case .failure(let error)?:
            let mapped = RequestBody.map(error)
            guard !mapped.details.isEmpty else { throw mapped }
            // The path starts at the body: ops, the op's index, task or changes.
            throw APIError.validation(ValidationFailure(mapped.details.map { problem in
                FieldProblem(problem.field.split(separator: ".").dropFirst(3).joined(separator: "."), problem.message)
            }))
        case nil: throw APIError.badRequest("op has no fields")
        }
    }

    private static func canonical(_ draft: TaskDraft) throws -> Data {
        try TaskFlowJSON.encode(CanonicalTask(
            id: draft.id, title: draft.title, description: draft.description, status: draft.status, priority: draft.priority,
            dueDate: draft.dueDate.map(Timestamp.format)))
    }

    private struct CanonicalTask: Encodable {
        var id: String?
        var title: String
        var description: String
        var status: TaskStatus
        var priority: TaskPriority
        var dueDate: String?
    }

    /// As the single endpoints: an id no task could have is simply not found.
    private static func checked(_ id: String?) throws -> String {
        guard let id, !id.isEmpty, id.utf8.count <= 64 else { throw APIError.notFound("task not found") }
        return id
    }
}
