import TaskFlowCore

extension AppState {
    /// Applies a change to the selected task at once and sends it to the server; the
    /// server's copy is kept so that a refusal can put it back (`taskSaveFailed`).
    mutating func change(_ edit: (inout TaskItem) -> Void) -> [Effect] {
        guard let task = selectedTask, !task.isProvisional else { return [] }
        return change(task, edit)
    }

    mutating func change(_ task: TaskItem, _ edit: (inout TaskItem) -> Void) -> [Effect] {
        var edited = task
        edit(&edited)
        var changes = TaskChanges()
        if edited.status != task.status { changes.status = edited.status }
        if edited.priority != task.priority { changes.priority = edited.priority }
        if edited.description != task.description { changes.description = edited.description }
        guard !changes.isEmpty else { return [] }
        if edited.status == .done, task.status != .done { edited.completedAt = now }
        if edited.status != .done { edited.completedAt = nil }
        if pendingChanges[task.id] == nil { pendingChanges[task.id] = task }
        tasks.replace(edited)
        return [.updateTask(id: task.id, changes)]
    }
}
