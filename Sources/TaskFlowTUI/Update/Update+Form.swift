import Foundation
import TaskFlowCore
import TerminalUI

extension AppState {
    mutating func openAddForm() {
        showsHelp = false
        // A new task starts in the status the list is filtered to, so it stays in view.
        let status = query.statuses.count == 1 ? query.statuses[0] : .todo
        taskForm = TaskForm(status: status)
    }

    mutating func openEditForm() {
        guard let task = selectedTask, !task.isProvisional else { return }
        showsHelp = false
        taskForm = TaskForm(editing: task)
    }

    /// Keys on the form: its own bindings, then typing into a text field. While a save is
    /// on its way the form only waits.
    mutating func handleForm(_ key: Key) -> [Effect] {
        guard var form = taskForm, !form.isSubmitting else { return [] }
        defer { if taskForm != nil { taskForm = form } }
        let command = keymap.contexts[.form]?[key]
        if command != .cancelForm { form.confirmsDiscard = false }
        switch command {
        case .saveForm?:
            return submit(&form)
        case .cancelForm?:
            if form.hasChanges, !form.confirmsDiscard {
                form.confirmsDiscard = true
                return []
            }
            taskForm = nil
        case .nextField?:
            form.focus = form.focus.cycled(by: 1)
        case .previousField?:
            form.focus = form.focus.cycled(by: -1)
        case .formEditor?:
            return [.openEditor(text: form.description.text, for: .form)]
        case .nextValue? where !form.focus.isText:
            form.step(by: 1)
        case .previousValue? where !form.focus.isText:
            form.step(by: -1)
        default:
            if form.focus.isText {
                _ = form[text: form.focus].handle(key)
                form.problems[form.focus] = nil
            } else if let character = key.typedCharacter {
                form.choose(startingWith: character)
            }
        }
        return []
    }

    /// Sends the form. The change shows in the list at once; the form stays open, saving,
    /// until the server answers (`formSaved` closes it, `formFailed` puts the list back).
    private mutating func submit(_ form: inout TaskForm) -> [Effect] {
        let changes: TaskChanges
        switch form.changes(now: now) {
        case .success(let valid): changes = valid
        case .failure(let problem):
            form.problems[.due] = problem.message
            form.focus = .due
            return []
        }
        form.problems = [:]
        form.message = nil
        if let original = form.original {
            guard !changes.isEmpty else {
                taskForm = nil
                message = StatusMessage("Nothing changed in “\(original.title)”", isError: false, now: now)
                return []
            }
            form.isSubmitting = true
            let shown = tasks.index(of: original.id).flatMap(tasks.task(at:)) ?? original
            if pendingChanges[original.id] == nil { pendingChanges[original.id] = shown }
            if let edited = shown.applying(changes, now: now) { tasks.replace(edited) }
            return [.saveTask(id: original.id, changes)]
        }
        form.isSubmitting = true
        let attempt = form.attempt(changes, newKey: makeIdempotencyKey)
        let provisional = TaskItem.provisional(changes, key: attempt.idempotencyKey, now: now)
        if tasks.index(of: provisional.id) == nil {
            tasks.insert(provisional, at: 0)
            cursor = 0
            keepCursorVisible()
        }
        return [.createTask(changes, idempotencyKey: attempt.idempotencyKey)]
    }

    /// The server has the form's task: close the form and show the server's copy.
    mutating func formSaved(_ task: TaskItem) -> [Effect] {
        guard let form = taskForm else { return requestStats() }
        taskForm = nil
        if let key = form.lastAttempt?.idempotencyKey, form.isNew {
            // The server's copy takes the stand-in's row, so the cursor stays on it.
            if let row = tasks.remove(id: TaskItem.provisionalID(key)), tasks.index(of: task.id) == nil {
                tasks.insert(task, at: row)
            }
            message = StatusMessage("Added “\(task.title)”", isError: false, now: now)
        } else {
            pendingChanges[task.id] = nil
            tasks.replace(task)
            message = StatusMessage("Saved “\(task.title)”", isError: false, now: now)
        }
        // The task may belong elsewhere under this sort and filter: ask for the rows again,
        // with the cursor following it.
        followedTaskID = task.id
        tasks.invalidate()
        return requestVisiblePages() + requestStats()
    }

    /// The server refused the form (or could not be reached): put the list back, keep
    /// everything typed, and show why beside the fields.
    mutating func formFailed(_ failure: ServiceFailure) -> [Effect] {
        guard var form = taskForm else { return [] }
        form.isSubmitting = false
        if let original = form.original, let shown = pendingChanges.removeValue(forKey: original.id) {
            tasks.replace(shown)
        } else if let key = form.lastAttempt?.idempotencyKey {
            tasks.remove(id: TaskItem.provisionalID(key))
            keepCursorVisible()
        }
        var unplaced: [String] = []
        for problem in failure.problems {
            if let field = TaskForm.Field(apiName: problem.field) {
                form.problems[field] = problem.message
            } else {
                unplaced.append("\(problem.field) \(problem.message)")
            }
        }
        if let first = TaskForm.Field.allCases.first(where: { form.problems[$0] != nil }) { form.focus = first }
        if failure.isNotFound, form.original != nil {
            form.message = "This task was deleted elsewhere; Esc closes the form."
        } else if failure.problems.isEmpty || !unplaced.isEmpty {
            form.message = (failure.sessionEnded ? "Not saved: " : "Not saved (Enter tries again): ") + failure.message
        }
        taskForm = form
        // A finished session sends the user to sign in; the form waits, typed text and all.
        if failure.sessionEnded { showLogin(message: failure.message) }
        return []
    }
}

extension TaskForm {
    /// Moves the focused choice (status or priority) by `delta`, wrapping around.
    mutating func step(by delta: Int) {
        switch focus {
        case .status: status = status.cycled(by: delta)
        case .priority: priority = priority.cycled(by: delta)
        default: break
        }
        problems[focus] = nil
    }

    /// Picks the status or priority whose name starts with `character` (t/i/d, l/m/h).
    mutating func choose(startingWith character: Character) {
        let letter = character.lowercased()
        switch focus {
        case .status:
            if let match = TaskStatus.allCases.first(where: { $0.rawValue.hasPrefix(letter) }) { status = match }
        case .priority:
            if let match = TaskPriority.allCases.first(where: { $0.rawValue.hasPrefix(letter) }) { priority = match }
        default: return
        }
        problems[focus] = nil
    }
}

extension TaskItem {
    /// The id of a task shown while the server creates it.
    static func provisionalID(_ idempotencyKey: String) -> String { "new:" + idempotencyKey }

    var isProvisional: Bool { id.hasPrefix("new:") }

    /// A new task as it will look, shown in the list until the server's copy arrives.
    static func provisional(_ fields: TaskChanges, key: String, now: Date) -> TaskItem {
        var dueDate: Date?
        if case .set(let date) = fields.dueDate { dueDate = date }
        return TaskItem(
            id: provisionalID(key), title: fields.title ?? "", description: fields.description ?? "",
            status: fields.status ?? .todo, priority: fields.priority ?? .medium, dueDate: dueDate,
            completedAt: fields.status == .done ? now : nil, createdAt: now, updatedAt: now, version: 0)
    }
}
