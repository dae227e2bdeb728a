import TaskFlowClient
import TaskFlowCore

extension AppState {
    /// Keeps the list current from the live feed, with the cursor on the task it was on.
    mutating func apply(_ update: LiveUpdate) -> [Effect] {
        guard screen == .main else { return [] }
        switch update {
        case .state(let state):
            connection = state
            switch state {
            case .stopped(let reason):
                showLogin(message: reason)
            case .live, .polling:
                // The server answers again: what failed to load while it did not is loaded
                // now, without waiting for `r` (the feed's resync covers missed events).
                if hasFailedToLoad { return reload() }
            case .connecting, .offline:
                break
            }
            return []
        case .resync:
            return reload()
        case .synced:
            lastSync = now
            return []
        case .localCopy(let pending, let conflicts, let unreachable):
            localCopy = (pending, conflicts, unreachable)
            return []
        case .notice(let text):
            message = StatusMessage(text, isError: true, now: now)
            return []
        case .event(let event):
            lastSync = now
            noticeChangeUnderForm(event)
            switch event {
            case .updated(let task):
                if pendingChanges[task.id] != nil { pendingChanges[task.id] = task }
                // Ignore an echo older than what is shown (our own quick second change).
                if let shown = tasks.index(of: task.id).flatMap(tasks.task(at:)), shown.version > task.version {
                    return requestStats()
                }
                let wasShown = tasks.replace(task)
                // A change can move the task under this sort or filter: fetch the rows again.
                if !wasShown || query.dependsOnChangingFields { return reload() }
                return requestStats()
            case .created, .deleted:
                return reload()
            }
        }
    }
}

extension AppState {
    /// The list or the stats have nothing to show and nothing on its way: their last
    /// request failed.
    var hasFailedToLoad: Bool {
        (!tasks.isLoaded && tasks.inFlight.isEmpty) || (stats == nil && !statsInFlight)
    }
}

extension AppState {
    /// An edit form open on a task that changed (or went) elsewhere says so, naming the
    /// fields, so the user knows what saving will do before doing it.
    mutating func noticeChangeUnderForm(_ event: LiveEvent) {
        guard var form = taskForm, let original = form.original, event.taskID == original.id else { return }
        switch event {
        case .deleted:
            form.message = "Deleted elsewhere since this form opened; saving will fail"
        case .updated(let current) where current.version > original.version:
            var fields: [String] = []
            if current.title != original.title { fields.append("title") }
            if current.description != original.description { fields.append("description") }
            if current.status != original.status { fields.append("status") }
            if current.priority != original.priority { fields.append("priority") }
            if current.dueDate != original.dueDate { fields.append("due") }
            guard !fields.isEmpty else { return }
            form.message = "Changed elsewhere since this form opened (\(fields.joined(separator: ", "))); saving sends only the fields you edited"
        default:
            return
        }
        taskForm = form
    }
}

extension TaskQuery {
    /// True when an update to a task can move it in, out of, or within this list.
    var dependsOnChangingFields: Bool {
        sort.field != .createdAt || !statuses.isEmpty || !priorities.isEmpty || search != nil
            || dueBefore != nil || dueAfter != nil || overdue
    }
}
