import TaskFlowCore
import TerminalUI

extension AppState {
    /// `d`: asks first, naming the task.
    mutating func askToDelete() {
        guard let task = selectedTask, !task.isProvisional else { return }
        showsHelp = false
        confirmation = .delete(task)
    }

    mutating func handleConfirmation(_ key: Key) -> [Effect] {
        guard let question = confirmation else { return [] }
        switch keymap.contexts[.confirm]?[key] {
        case .confirm?:
            confirmation = nil
            switch question {
            case .delete(let task): return delete(task)
            case .deleteMany(let doomed): return deleteMarked(doomed)
            }
        case .refuse?:
            confirmation = nil
        default:
            break
        }
        return []
    }

    /// Takes the task off the list at once; `taskDeleteFailed` puts it back.
    private mutating func delete(_ task: TaskItem) -> [Effect] {
        let shown = tasks.index(of: task.id).flatMap(tasks.task(at:)) ?? task
        guard let row = tasks.remove(id: task.id) else { return [] }
        pendingDeletes[task.id] = PendingDelete(task: shown, row: row)
        keepCursorVisible()
        return [.deleteTask(id: task.id)] + requestVisiblePages()
    }

    mutating func taskDeleted(id: String) -> [Effect] {
        guard let pending = pendingDeletes.removeValue(forKey: id) else { return requestStats() }
        message = StatusMessage("Deleted “\(pending.task.title)”", isError: false, now: now)
        return reload()
    }

    mutating func taskDeleteFailed(id: String, _ failure: ServiceFailure) -> [Effect] {
        // Already gone (deleted elsewhere) is what the user asked for.
        if failure.isNotFound { return taskDeleted(id: id) }
        guard let pending = pendingDeletes.removeValue(forKey: id) else { return report(failure, doing: "delete") }
        if tasks.index(of: id) == nil { tasks.insert(pending.task, at: pending.row) }
        keepCursorVisible()
        if failure.sessionEnded { return report(failure, doing: "delete") }
        message = StatusMessage("Not deleted: “\(pending.task.title)”: \(failure.message)", now: now)
        return []
    }
}
