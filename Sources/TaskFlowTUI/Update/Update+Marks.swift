import TaskFlowCore

/// Marks and the bulk actions on them: `x`, `s`, `p` and `d` act on every marked task at
/// once, as one request and one undo step.
extension AppState {
    /// The marked tasks that are loaded, in list order.
    var markedTasks: [TaskItem] {
        (0..<tasks.count).compactMap { tasks.task(at: $0) }.filter { marked.contains($0.id) }
    }

    /// `Space`: marks or unmarks the selected task and moves down, as file managers do.
    mutating func toggleMark() -> [Effect] {
        guard let task = selectedTask, !task.isProvisional else { return [] }
        if marked.remove(task.id) == nil { marked.insert(task.id) }
        markAnchor = task.id
        return moveCursor(to: cursor + 1)
    }

    /// `v`: marks every loaded task between the last one marked and the selected one.
    mutating func markRange() {
        guard let anchor = markAnchor.flatMap({ tasks.index(of: $0) }) ?? Optional(cursor) else { return }
        for index in min(anchor, cursor)...max(anchor, cursor) {
            if let task = tasks.task(at: index), !task.isProvisional { marked.insert(task.id) }
        }
        markAnchor = selectedTask?.id
    }

    /// `*`: marks every task of the list as loaded (the whole view of the current filter).
    mutating func markAll() {
        for index in 0..<tasks.count {
            if let task = tasks.task(at: index), !task.isProvisional { marked.insert(task.id) }
        }
    }

    /// Applies one change to every marked task at once and sends them together; each
    /// task's server copy is kept so a refusal puts it back.
    mutating func changeMarked(_ edit: (inout TaskItem) -> Void) -> [Effect] {
        var bulk: [BulkChange] = []
        for task in markedTasks where !task.isProvisional {
            var edited = task
            edit(&edited)
            var changes = TaskChanges()
            if edited.status != task.status { changes.status = edited.status }
            if edited.priority != task.priority { changes.priority = edited.priority }
            guard !changes.isEmpty else { continue }
            if edited.status == .done, task.status != .done { edited.completedAt = now }
            if edited.status != .done { edited.completedAt = nil }
            if pendingChanges[task.id] == nil { pendingChanges[task.id] = task }
            tasks.replace(edited)
            bulk.append(BulkChange(id: task.id, changes: changes))
        }
        return bulk.isEmpty ? [] : [.updateTasks(bulk)]
    }

    /// `d` with marks: one question naming how many.
    mutating func askToDeleteMarked() {
        let doomed = markedTasks.filter { !$0.isProvisional }
        guard !doomed.isEmpty else { return }
        showsHelp = false
        confirmation = .deleteMany(doomed)
    }

    /// Takes the marked tasks off the list at once; one request deletes them all.
    mutating func deleteMarked(_ doomed: [TaskItem]) -> [Effect] {
        var ids: [String] = []
        for task in doomed {
            guard let row = tasks.remove(id: task.id) else { continue }
            pendingDeletes[task.id] = PendingDelete(task: task, row: row)
            ids.append(task.id)
        }
        marked = []
        keepCursorVisible()
        return ids.isEmpty ? [] : [.deleteTasks(ids)] + requestVisiblePages()
    }

    mutating func tasksDeleted(_ ids: [String]) -> [Effect] {
        for id in ids { pendingDeletes[id] = nil }
        message = StatusMessage("Deleted \(ids.count) task\(ids.count == 1 ? "" : "s")", isError: false, now: now)
        return reload()
    }
}

/// One task's part of a bulk change.
public struct BulkChange: Sendable, Equatable {
    public var id: String
    public var changes: TaskChanges

    public init(id: String, changes: TaskChanges) {
        self.id = id
        self.changes = changes
    }
}
