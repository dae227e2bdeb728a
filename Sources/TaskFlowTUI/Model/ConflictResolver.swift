import TaskFlowCore
import TaskFlowSync

/// The conflict view's state: one row per field in which this client's version and the
/// server's differ, each set to keep mine or theirs (theirs at first: nothing is written
/// over the other change unless asked), and the row the cursor is on.
public struct ConflictResolver: Sendable, Equatable {
    public let conflict: Conflict
    public let fields: [TaskField]
    public private(set) var keepingMine: Set<TaskField> = []
    public private(set) var selected = 0

    public init(_ conflict: Conflict) {
        self.conflict = conflict
        fields = conflict.differingFields
    }

    /// The task's title as the view names it: the server's, else this client's.
    public var title: String { conflict.theirs?.title ?? conflict.mine?.title ?? conflict.id }

    public func keepsMine(_ field: TaskField) -> Bool { keepingMine.contains(field) }

    public mutating func move(by delta: Int) {
        selected = max(0, min(selected + delta, fields.count - 1))
    }

    /// Keep this client's value (`mine`) or the server's for the row under the cursor.
    public mutating func choose(mine: Bool) {
        guard fields.indices.contains(selected) else { return }
        if mine { keepingMine.insert(fields[selected]) } else { keepingMine.remove(fields[selected]) }
    }

    public mutating func chooseAll(mine: Bool) {
        keepingMine = mine ? Set(fields) : []
    }

    /// A field's value on one side as the view shows it ("deleted" when that side deleted the task).
    public func value(of field: TaskField, mine: Bool) -> String {
        guard let task = mine ? conflict.mine : conflict.theirs else { return "(deleted)" }
        let value = task.value(of: field)
        switch field {
        case .dueDate:
            guard let due = task.dueDate else { return "none" }
            // The day, unless both sides are due that day at different times.
            let other = (mine ? conflict.theirs : conflict.mine)?.dueDate
            return other.map(Timestamp.day) == Timestamp.day(due) ? Timestamp.format(due) : Timestamp.day(due)
        case .description where value.isEmpty: return "(empty)"
        default: return value.split(whereSeparator: \.isNewline).joined(separator: " ")
        }
    }
}
