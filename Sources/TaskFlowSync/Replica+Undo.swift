import Foundation
import GRDB
import TaskFlowCore

/// What an undo or redo did.
public struct UndoOutcome: Sendable, Equatable {
    /// The action's label ("complete 3 tasks"); nil when there was nothing to undo.
    public var label: String?
    /// Tasks changed back.
    public var restored: [String]
    /// Tasks left alone because they changed elsewhere since (undo never overwrites that).
    public var skipped: [String]
}

extension Replica {
    /// Undoes the latest action not undone: each task goes back to its before-image, by new
    /// operations based on the versions the action produced. A task that changed since
    /// (here or elsewhere) is skipped and named.
    public func undo(now: Date = Date()) throws -> UndoOutcome {
        try travel(undoing: true, now: now)
    }

    /// Redoes the latest undone action, under the same rule.
    public func redo(now: Date = Date()) throws -> UndoOutcome {
        try travel(undoing: false, now: now)
    }

    private func travel(undoing: Bool, now: Date) throws -> UndoOutcome {
        try pool.write { db in
            let sql = undoing
                ? "SELECT action, label, steps FROM history WHERE undone = 0 ORDER BY action DESC LIMIT 1"
                : "SELECT action, label, steps FROM history WHERE undone = 1 ORDER BY action ASC LIMIT 1"
            guard let row = try Row.fetchOne(db, sql: sql) else { return UndoOutcome(label: nil, restored: [], skipped: []) }
            let action: Int = row[0]
            let steps = try TaskFlowJSON.decode([HistoryStep].self, from: Data((row[2] as String).utf8))
            var changes: [LocalChange] = [], restored: [String] = [], skipped: [String] = []
            for step in undoing ? steps.reversed() : steps {
                let (from, to) = undoing ? (step.after, step.before) : (step.before, step.after)
                let current = try Self.task(id: step.id, db: db)
                guard Self.sameContent(current, from) else {
                    skipped.append(step.id)
                    continue
                }
                switch (current, to) {
                case (nil, let target?): changes.append(.restore(target))
                case (_?, nil): changes.append(.delete(id: step.id))
                case (let now?, let target?): changes.append(.update(id: step.id, now.changes(to: target)))
                case (nil, nil): continue
                }
                restored.append(step.id)
            }
            _ = try apply(changes, action: action, now: now, db: db)
            try db.execute(sql: "UPDATE history SET undone = ? WHERE action = ?", arguments: [undoing ? 1 : 0, action])
            return UndoOutcome(label: row[1], restored: restored, skipped: skipped)
        }
    }

    /// Same user-visible fields (versions and times move on with every write).
    private static func sameContent(_ a: TaskItem?, _ b: TaskItem?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?):
            a.title == b.title && a.description == b.description && a.status == b.status && a.priority == b.priority
                && a.dueDate == b.dueDate
        default: false
        }
    }
}

extension TaskItem {
    /// The changes that turn this task into `target`'s fields.
    func changes(to target: TaskItem) -> TaskChanges {
        var changes = TaskChanges()
        if title != target.title { changes.title = target.title }
        if description != target.description { changes.description = target.description }
        if status != target.status { changes.status = target.status }
        if priority != target.priority { changes.priority = target.priority }
        if dueDate != target.dueDate { changes.dueDate = target.dueDate.map { .set($0) } ?? .clear }
        return changes
    }
}

/// The fields a user can pick between in a conflict.
public enum TaskField: String, CaseIterable, Sendable {
    case title, description, status, priority, dueDate = "due"
}

extension Conflict {
    /// The fields in which the two versions differ.
    public var differingFields: [TaskField] {
        guard let mine, let theirs else { return TaskField.allCases }
        return TaskField.allCases.filter { mine.value(of: $0) != theirs.value(of: $0) }
    }
}

extension TaskItem {
    /// A field's value as the user reads it (for comparing and showing).
    public func value(of field: TaskField) -> String {
        switch field {
        case .title: title
        case .description: description
        case .status: status.rawValue
        case .priority: priority.rawValue
        case .dueDate: dueDate.map(Timestamp.format) ?? ""
        }
    }
}

extension Replica {
    /// Settles a conflict: the server's version stays, except the fields in `mine`, which
    /// take this client's values, as one change based on the server's version (so it, too,
    /// never overwrites a newer change). A conflict over a deletion: keeping "mine" of any
    /// field brings the task back (or deletes it, when this client deleted it).
    @discardableResult
    public func resolve(_ id: String, keepingMine mine: Set<TaskField>, now: Date = Date()) throws -> TaskItem? {
        try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT mine, theirs FROM conflicts WHERE id = ?", arguments: [id]) else {
                throw ReplicaError("no conflict for \(id)")
            }
            let conflict = Conflict(id: id, mine: try Self.decodeTask(row[0]), theirs: try Self.decodeTask(row[1]))
            try db.execute(sql: "DELETE FROM conflicts WHERE id = ?", arguments: [id])
            let action = (try Int.fetchOne(db, sql: "SELECT MAX(action) FROM history") ?? 0) + 1
            let change: LocalChange?
            switch (conflict.mine, conflict.theirs) {
            case (let wanted?, let current?):
                var target = current
                for field in mine {
                    switch field {
                    case .title: target.title = wanted.title
                    case .description: target.description = wanted.description
                    case .status: target.status = wanted.status
                    case .priority: target.priority = wanted.priority
                    case .dueDate: target.dueDate = wanted.dueDate
                    }
                }
                let changes = current.changes(to: target)
                change = changes.isEmpty ? nil : .update(id: id, changes)
            case (nil, _?): change = mine.isEmpty ? nil : .delete(id: id)
            case (let wanted?, nil): change = mine.isEmpty ? nil : .restore(wanted)
            case (nil, nil): change = nil
            }
            guard let change else { return try Self.task(id: id, db: db) }
            let (results, steps) = try apply([change], action: action, now: now, db: db)
            if !steps.isEmpty {
                try db.execute(sql: "DELETE FROM history WHERE undone = 1")
                try db.execute(
                    sql: "INSERT INTO history (action, label, steps) VALUES (?, ?, ?)",
                    arguments: [action, "resolve \(id)", String(decoding: try TaskFlowJSON.encode(steps), as: UTF8.self)])
            }
            return results.first ?? nil
        }
    }
}
