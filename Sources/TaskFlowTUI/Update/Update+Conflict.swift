import TaskFlowCore
import TaskFlowSync
import TerminalUI

/// The conflict view: `C` asks the service for both versions of the selected task's
/// conflict (else the first one kept), the view chooses mine or theirs per field, and Enter
/// settles it through the local copy's resolve, as `taskflow resolve` does.
extension AppState {
    mutating func openConflict() -> [Effect] {
        showsHelp = false
        guard localCopy != nil else {
            message = StatusMessage("No conflicts here: the local copy is off (--no-cache), so nothing is kept as one", isError: false, now: now)
            return []
        }
        let ids = conflictIDs
        guard let first = ids.first else {
            message = StatusMessage("No conflicts", isError: false, now: now)
            return []
        }
        if let selected = selectedTask?.id, ids.contains(selected) { return [.loadConflict(id: selected)] }
        // The selected task has none: go to the first conflicted task when the list holds it.
        var effects: [Effect] = []
        if let index = tasks.index(of: first) { effects = moveCursor(to: index) }
        return effects + [.loadConflict(id: first)]
    }

    mutating func conflictLoaded(_ result: Result<Conflict, ServiceFailure>) -> [Effect] {
        switch result {
        case .success(let conflict):
            conflictResolver = ConflictResolver(conflict)
            return []
        case .failure(let failure):
            return report(failure, doing: "open the conflict")
        }
    }

    /// Keys on the open view: only the conflict context's bindings count.
    mutating func handleConflictView(_ key: Key) -> [Effect] {
        guard var resolver = conflictResolver, let command = keymap.contexts[.conflict]?[key] else { return [] }
        switch command {
        case .moveDown: resolver.move(by: 1)
        case .moveUp: resolver.move(by: -1)
        case .keepMine: resolver.choose(mine: true)
        case .keepTheirs: resolver.choose(mine: false)
        case .keepAllMine: resolver.chooseAll(mine: true)
        case .keepAllTheirs: resolver.chooseAll(mine: false)
        case .applyResolution:
            conflictResolver = nil
            return [.resolveConflict(id: resolver.conflict.id, keepingMine: resolver.keepingMine)]
        case .leaveConflict:
            conflictResolver = nil
            message = StatusMessage("Conflict left unresolved: \(resolveConflictKey) opens it again", isError: false, now: now)
            return []
        default: return []
        }
        conflictResolver = resolver
        return []
    }

    mutating func conflictResolved(id: String, keepingMine mine: Set<TaskField>, _ result: Result<Void, ServiceFailure>) -> [Effect] {
        switch result {
        case .failure(let failure):
            return report(failure, doing: "resolve the conflict")
        case .success:
            // The header's count follows from the service's next word on the local copy.
            let kept = mine.isEmpty ? "kept the server's version" : "kept yours for " + mine.map(\.rawValue).sorted().joined(separator: ", ")
            message = StatusMessage("Resolved: \(kept) (u undoes it)", isError: false, now: now)
            return reload()
        }
    }
}
