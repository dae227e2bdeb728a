import Foundation
import TaskFlowCore

/// `#`: going to a task by its short id (the list's ID column), or a copied head of its id.
extension AppState {
    /// Most candidates an ambiguous id names in the footer (all of them go to the message log).
    static let jumpCandidatesShown = 10

    mutating func acceptJump(_ line: QueryLine) -> [Effect] {
        let input = line.input.text.trimmingCharacters(in: .whitespaces)
        var refused = line
        switch shortIDs.resolve(input) {
        case .found(let id):
            queryLine = nil
            if let index = tasks.index(of: id) { return moveCursor(to: index) }
            return [.locateTask(id: id, query)]
        case .tooShort:
            refused.problem = "give at least \(ShortIDs.minimumLength) characters of the id"
        case .notFound:
            refused.problem = "no task has an id like \(input)" + (shortIDsCoverAll ? "" : " among those loaded")
        case .ambiguous(let ids):
            let named = ids.prefix(Self.jumpCandidatesShown).map { id in
                let title = tasks.index(of: id).flatMap(tasks.task(at:))?.title
                return shortIDs.short(id) + (title.map { " " + $0 } ?? "")
            }
            let more = ids.count > Self.jumpCandidatesShown ? " and \(ids.count - Self.jumpCandidatesShown) more" : ""
            let text = "\(ids.count) tasks fit \(input): " + named.joined(separator: " · ") + more
            refused.problem = text
            message = StatusMessage(text, isError: true, now: now)
        }
        queryLine = refused
        return []
    }

    /// The answer to `.locateTask`: the cursor goes to the row and stays on the task while
    /// its page loads.
    mutating func located(_ id: String, row: Int?) -> [Effect] {
        guard let row else {
            message = StatusMessage(
                "\(shortIDs.short(id)) is not in this view (F clears the filter)", isError: true, now: now)
            return []
        }
        let effects = moveCursor(to: row)
        followedTaskID = id
        return effects
    }
}
