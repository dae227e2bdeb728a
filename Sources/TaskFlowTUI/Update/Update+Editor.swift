import TaskFlowCore

extension AppState {
    /// `E`: the selected task's description in `$EDITOR`.
    mutating func editDescription() -> [Effect] {
        guard let task = selectedTask, !task.isProvisional else { return [] }
        showsHelp = false
        return [.openEditor(text: task.description, for: .description(taskID: task.id))]
    }

    /// The editor is done: its text goes to the form's field, or is saved at once.
    mutating func editorClosed(_ outcome: EditorOutcome, for target: EditorTarget) -> [Effect] {
        switch (outcome, target) {
        case (.failed(let why), .form):
            taskForm?.message = why
        case (.failed(let why), .description):
            message = StatusMessage(why, now: now)
        case (.edited(let text), .form):
            guard var form = taskForm else { return [] }
            form.description.setText(text)
            form.problems[.description] = nil
            form.focus = .description
            taskForm = form
        case (.edited(let text), .description(let id)):
            guard let row = tasks.index(of: id), let task = tasks.task(at: row) else {
                message = StatusMessage("The task is no longer in the list; the description was not saved", now: now)
                return []
            }
            guard text != task.description else {
                message = StatusMessage("Description unchanged", isError: false, now: now)
                return []
            }
            return change(task) { $0.description = text }
        }
        return []
    }
}
