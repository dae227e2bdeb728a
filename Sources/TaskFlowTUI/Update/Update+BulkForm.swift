import Foundation
import TaskFlowCore
import TerminalUI

/// The edit form with tasks marked: its fields go to every marked task through the same
/// bulk path as `x`, `s`, `p` (one batch, one undo step).
extension AppState {
    mutating func openBulkEditForm() {
        let ids = markedTasks.filter { !$0.isProvisional }.map(\.id)
        guard !ids.isEmpty else { return }
        showsHelp = false
        bulkForm = BulkEditForm(ids: ids)
    }

    /// Keys on the form: the form context's bindings, then typing into the due field.
    mutating func handleBulkForm(_ key: Key) -> [Effect] {
        guard var form = bulkForm else { return [] }
        switch keymap.contexts[.form]?[key] {
        case .saveForm?:
            return saveBulkForm(form)
        case .cancelForm?:
            bulkForm = nil
            return []
        case .nextField?: form.focus = form.focus.cycled(by: 1)
        case .previousField?: form.focus = form.focus.cycled(by: -1)
        case .nextValue? where form.focus != .due: form.step(by: 1)
        case .previousValue? where form.focus != .due: form.step(by: -1)
        default:
            if form.focus == .due {
                _ = form.due.handle(key)
                form.dueProblem = nil
            } else if let character = key.typedCharacter {
                form.choose(startingWith: character)
            }
        }
        bulkForm = form
        return []
    }

    /// Each marked task gets the fields that differ from what it has; the list shows them
    /// at once, and the server copies are kept to put back if it refuses.
    private mutating func saveBulkForm(_ form: BulkEditForm) -> [Effect] {
        let changes: TaskChanges
        switch form.changes(now: now) {
        case .success(let valid): changes = valid
        case .failure(let problem):
            var refused = form
            refused.dueProblem = problem.message
            refused.focus = .due
            bulkForm = refused
            return []
        }
        bulkForm = nil
        var bulk: [BulkChange] = []
        for id in form.ids {
            guard let task = tasks.index(of: id).flatMap(tasks.task(at:)) else { continue }
            var own = TaskChanges()
            if let status = changes.status, status != task.status { own.status = status }
            if let priority = changes.priority, priority != task.priority { own.priority = priority }
            switch changes.dueDate {
            case .set(let date)? where task.dueDate?.millis != date.millis: own.dueDate = .set(date)
            case .clear? where task.dueDate != nil: own.dueDate = .clear
            default: break
            }
            guard !own.isEmpty, let edited = task.applying(own, now: now) else { continue }
            if pendingChanges[id] == nil { pendingChanges[id] = task }
            tasks.replace(edited)
            bulk.append(BulkChange(id: id, changes: own))
        }
        let of = bulk.count == form.ids.count ? "" : " of \(form.ids.count)"
        message = StatusMessage(
            bulk.isEmpty ? "Nothing changed: the marked tasks already had those values"
                : "Changed \(bulk.count)\(of) marked task\(form.ids.count == 1 ? "" : "s")", isError: false, now: now)
        return bulk.isEmpty ? [] : [.updateTasks(bulk)]
    }
}
