import Foundation
import TaskFlowCore

/// What one instance tells the others about a change: ids and a version, never the task
/// itself (NOTIFY payloads are small; the receiver loads what it sends). `v` is the
/// format's version; receivers ignore versions they do not know, so a newer instance
/// in a mixed fleet during a rolling deploy cannot confuse an older one.
struct LiveNotice: Codable, Equatable, Sendable {
    static let currentVersion = 1

    enum Kind: String, Codable, Sendable { case created, updated, deleted }

    var v: Int
    /// The owner.
    var u: String
    var k: Kind
    /// The task.
    var t: String
    /// The task's version after the change (for deletions, the last version plus one).
    var n: Int

    init(event: LiveEvent, userID: String) {
        v = Self.currentVersion
        u = userID
        switch event {
        case .created: k = .created
        case .updated: k = .updated
        case .deleted: k = .deleted
        }
        t = event.taskID
        n = event.version
    }

    var json: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self) }

    /// Nil for anything that is not a notice of the current version.
    static func parse(_ payload: String) -> LiveNotice? {
        struct Envelope: Decodable { var v: Int }
        let data = Data(payload.utf8)
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: data), envelope.v == currentVersion else { return nil }
        return try? JSONDecoder().decode(LiveNotice.self, from: data)
    }
}
