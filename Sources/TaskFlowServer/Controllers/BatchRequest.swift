import Crypto
import Foundation
import TaskFlowCore

/// The body of `POST /tasks/batch`: `{"ops": [op]}` with 1–100 ops. The shape of each op
/// is checked here (a wrong one refuses the whole batch, nothing applied); the task fields
/// inside are checked per op, by the single endpoints' own rules, so one bad op is one 400
/// result.
struct BatchRequest {
    static let maxOps = 100
    static let bodyMax = 1 << 20

    enum Op {
        case create(task: Data, idempotencyKey: String?)
        case update(id: String, changes: Data, ifMatch: Int?)
        case delete(id: String, ifMatch: Int?)
    }

    let ops: [Op]

    init(body: Data) throws {
        let value = try RequestBody.decode(JSONValue.self, from: body)
        guard case .object(let members) = value, let list = members["ops"] else {
            throw APIError.badRequest(#"request body must be {"ops": [op, …]}"#)
        }
        guard case .array(let ops) = list, (1...Self.maxOps).contains(ops.count) else {
            throw APIError.validation(FieldProblem("ops", "must be a list of 1 to \(Self.maxOps) ops"))
        }
        self.ops = try ops.enumerated().map { try Self.op($1, at: $0) }
    }

    private static func op(_ value: JSONValue, at index: Int) throws -> Op {
        let field = "ops.\(index)"
        guard case .object(let op) = value else { throw problem(field, "must be an object") }
        func object(_ key: String) throws -> Data {
            guard case .object = op[key] else { throw problem("\(field).\(key)", "must be an object") }
            return Data(op[key]!.json.utf8)
        }
        func string(_ key: String) throws -> String {
            guard case .string(let text) = op[key] else { throw problem("\(field).\(key)", "must be a string") }
            return text
        }
        func ifMatch() throws -> Int? {
            switch op["ifMatch"] {
            case nil, .null: return nil
            case .int(let version) where version >= 1: return version
            default: throw problem("\(field).ifMatch", "must be a version number (from 1)")
            }
        }
        switch op["op"] {
        case "create":
            var key: String?
            if op["idempotencyKey"] != nil, op["idempotencyKey"] != .null {
                key = try string("idempotencyKey")
                guard (1...255).contains(key!.count) else { throw problem("\(field).idempotencyKey", "must be 1–255 characters") }
            }
            return .create(task: try object("task"), idempotencyKey: key)
        case "update":
            return .update(id: try string("id"), changes: try object("changes"), ifMatch: try ifMatch())
        case "delete":
            return .delete(id: try string("id"), ifMatch: try ifMatch())
        default:
            throw problem("\(field).op", "must be one of create, update, delete")
        }
    }

    private static func problem(_ field: String, _ message: String) -> APIError {
        .validation(FieldProblem(field, message))
    }
}

extension BatchRequest.Op {
    /// The write this op asks for, validated exactly as its single endpoint would; a
    /// `validation_failed` or `not_found` error becomes this op's result.
    func write() throws -> TaskWrite {
        switch self {
        case .create(let task, let key):
            // The key's "body" is the op's task object, in its canonical spelling.
            let claim = key.map { IdempotencyClaim(key: $0, bodyHash: Hex.encode(SHA256.hash(data: task))) }
            return .create(try TaskInput.draft(from: task), idempotency: claim)
        case .update(let id, let changes, let ifMatch):
            try Self.checkID(id)
            return .update(id: id, changes: try TaskInput.validated(RequestBody.decode(TaskChanges.self, from: changes)), expectedVersion: ifMatch)
        case .delete(let id, let ifMatch):
            try Self.checkID(id)
            return .delete(id: id, expectedVersion: ifMatch)
        }
    }

    /// As the single endpoints: an id no task could have is simply not found.
    private static func checkID(_ id: String) throws {
        guard !id.isEmpty, id.utf8.count <= 64 else { throw APIError.notFound("task not found") }
    }
}
