import TaskFlowCore

extension AppState {
    /// Applies a change to the selected task at once and sends it to the server; the
    /// server's copy is kept so that a refusal can put it back (`taskSaveFailed`).
    mutating func change(_ edit: (inout TaskItem) -> Void) -> [Effect] {
        guard let task = selectedTask else { return [] }
        var edited = task
        edit(&edited)
        var changes = TaskChanges()
        if edited.status != task.status { changes.status = edited.status }
        if edited.priority != task.priority { changes.priority = edited.priority }
        guard !changes.isEmpty else { return [] }
        if edited.status == .done, task.status != .done { edited.completedAt = now }
        if edited.status != .done { edited.completedAt = nil }
        if pendingChanges[task.id] == nil { pendingChanges[task.id] = task }
        tasks.replace(edited)
        return [.updateTask(id: task.id, changes)]
    }
}
