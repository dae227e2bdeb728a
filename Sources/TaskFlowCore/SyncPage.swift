import Foundation

/// An answer of `GET /sync` (API.md, "Sync and batch").
public struct SyncPage: Decodable, Sendable, Equatable {
    /// One change: a task's latest state, or the deletion of one.
    public enum Change: Sendable, Equatable {
        case upsert(TaskItem)
        /// `version` is the deleted task's last version plus one.
        case delete(id: String, version: Int)
    }

    public var changes: [Change]
    /// Opaque: send it back as `cursor`.
    public var cursor: String
    /// True when more changes follow right away.
    public var more: Bool

    public init(changes: [Change], cursor: String, more: Bool) {
        self.changes = changes
        self.cursor = cursor
        self.more = more
    }
}

extension SyncPage.Change: Decodable {
    private enum CodingKeys: String, CodingKey { case op, task, id, version }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .op) {
        case "upsert": self = .upsert(try c.decode(TaskItem.self, forKey: .task))
        case "delete": self = .delete(id: try c.decode(String.self, forKey: .id), version: try c.decode(Int.self, forKey: .version))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .op, in: c, debugDescription: "unknown change \(other)")
        }
    }
}
