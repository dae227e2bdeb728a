import TaskFlowSync

extension AppState {
    /// Says what an undo or redo did (and what it left alone), then shows the tasks as they
    /// now are.
    mutating func travelled(redo: Bool, _ result: Result<UndoOutcome, ServiceFailure>) -> [Effect] {
        switch result {
        case .failure(let failure):
            return report(failure, doing: redo ? "redo" : "undo")
        case .success(let outcome):
            guard let label = outcome.label else {
                message = StatusMessage(redo ? "Nothing to redo" : "Nothing to undo", isError: false, now: now)
                return []
            }
            var text = "\(redo ? "Redid" : "Undid"): \(label)"
            if !outcome.skipped.isEmpty {
                text += " — \(outcome.skipped.count) task\(outcome.skipped.count == 1 ? "" : "s") changed since, left as \(outcome.skipped.count == 1 ? "it is" : "they are")"
            }
            message = StatusMessage(text, isError: !outcome.skipped.isEmpty, now: now)
            return reload()
        }
    }
}
