import Foundation
import TaskFlowCore
import TerminalUI

/// The add/edit form: what the user typed, and the problems to show beside each field.
/// It stays open until the server has the task, so nothing typed is lost to a refusal or
/// a dead server.
public struct TaskForm: Sendable, Equatable {
    public enum Field: Int, CaseIterable, Sendable {
        case title, description, status, priority, due

        public var label: String {
            switch self {
            case .title: "Title"
            case .description: "Description"
            case .status: "Status"
            case .priority: "Priority"
            case .due: "Due"
            }
        }

        /// The field a server problem names (`dueDate` is the API's name for `due`).
        init?(apiName: String) {
            switch apiName {
            case "title": self = .title
            case "description": self = .description
            case "status": self = .status
            case "priority": self = .priority
            case "dueDate", "due": self = .due
            default: return nil
            }
        }

        var isText: Bool { self == .title || self == .description || self == .due }
    }

    /// One create request: a retry of the same fields reuses its key, so a request that
    /// reached the server before the connection dropped does not create the task twice.
    struct Attempt: Sendable, Equatable {
        var changes: TaskChanges
        var idempotencyKey: String
    }

    /// The task being edited as the form opened it; nil for a new task.
    public let original: TaskItem?
    public var title: TextInputState
    public var description: TextInputState
    public var status: TaskStatus
    public var priority: TaskPriority
    public var due: TextInputState
    public var focus: Field = .title
    public var problems: [Field: String] = [:]
    /// A problem that is not about one field (the server is down, the task was deleted).
    public var message: String?
    public var isSubmitting = false
    /// Esc was pressed once on a form with changes; a second Esc discards them.
    public var confirmsDiscard = false
    var lastAttempt: Attempt?
    /// The due text the form opened with, so an untouched date is not sent back.
    let originalDueText: String
    /// A new task's starting status and priority, to tell whether anything was chosen.
    private let openedStatus: TaskStatus
    private let openedPriority: TaskPriority

    /// A new task.
    public init(status: TaskStatus = .todo, priority: TaskPriority = .medium) {
        original = nil
        title = TextInputState()
        description = TextInputState()
        self.status = status
        self.priority = priority
        due = TextInputState()
        originalDueText = ""
        openedStatus = status
        openedPriority = priority
    }

    /// Editing `task`.
    public init(editing task: TaskItem) {
        original = task
        title = TextInputState(task.title)
        description = TextInputState(task.description)
        status = task.status
        priority = task.priority
        originalDueText = task.dueDate.map(Self.dueText) ?? ""
        due = TextInputState(originalDueText)
        openedStatus = task.status
        openedPriority = task.priority
    }

    public var isNew: Bool { original == nil }

    /// A due date as the form shows it: the day alone when it is the end of a UTC day
    /// (what a bare date means), else the full timestamp.
    static func dueText(_ date: Date) -> String {
        DueDate.endOfDay(DueDate.startOfDay(date)) == date ? Timestamp.day(date) : Timestamp.format(date)
    }

    /// What the due field means at `now`: nil for no date, or the problem with the text.
    func dueDate(now: Date) -> Result<Date?, FieldProblem> {
        let text = due.text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .success(nil) }
        guard let date = DateWords.parseDue(text, now: now) else {
            return .failure(FieldProblem("due", "not a date: try today, tomorrow, +3d, fri or 2026-12-24"))
        }
        return .success(date)
    }

    /// The request body: every field for a new task, only what changed for an edit. The
    /// server validates the rest (its messages appear beside the fields); only the date
    /// words are ours to read.
    func changes(now: Date) -> Result<TaskChanges, FieldProblem> {
        let dueDate: Date?
        switch self.dueDate(now: now) {
        case .success(let date): dueDate = date
        case .failure(let problem): return .failure(problem)
        }
        guard let original else {
            return .success(TaskChanges(
                title: title.text, description: description.text.isEmpty ? nil : description.text, status: status,
                priority: priority, dueDate: dueDate.map { .set($0) }))
        }
        var changes = TaskChanges()
        if title.text != original.title { changes.title = title.text }
        if description.text != original.description { changes.description = description.text }
        if status != original.status { changes.status = status }
        if priority != original.priority { changes.priority = priority }
        if due.text.trimmingCharacters(in: .whitespaces) != originalDueText {
            changes.dueDate = dueDate.map { .set($0) } ?? (original.dueDate == nil ? nil : .clear)
        }
        return .success(changes)
    }

    /// True once anything differs from how the form opened.
    public var hasChanges: Bool {
        guard let original else {
            return !title.text.isEmpty || !description.text.isEmpty || !due.text.isEmpty || status != openedStatus
                || priority != openedPriority
        }
        return title.text != original.title || description.text != original.description || status != original.status
            || priority != original.priority || due.text.trimmingCharacters(in: .whitespaces) != originalDueText
    }

    /// The key for sending `changes` now: the last one again for the same fields.
    mutating func attempt(_ changes: TaskChanges, newKey: () -> String) -> Attempt {
        if let lastAttempt, lastAttempt.changes == changes { return lastAttempt }
        let attempt = Attempt(changes: changes, idempotencyKey: newKey())
        lastAttempt = attempt
        return attempt
    }

    public subscript(text field: Field) -> TextInputState {
        get {
            switch field {
            case .description: description
            case .due: due
            default: title
            }
        }
        set {
            switch field {
            case .title: title = newValue
            case .description: description = newValue
            case .due: due = newValue
            case .status, .priority: break
            }
        }
    }
}
