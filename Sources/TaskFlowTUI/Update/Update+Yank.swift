import Foundation
import TaskFlowCore
import TerminalUI

extension AppState {
    /// The key after `y`: i the id, t the title, j the task as JSON; anything else copies
    /// nothing. The footer says what went to the clipboard.
    mutating func handleYank(_ key: Key) -> [Effect] {
        yankPending = false
        guard let task = selectedTask else { return [] }
        let (what, text): (String, String)
        switch key {
        case .char("i"): (what, text) = ("the id \(task.id)", task.id)
        case .char("t"): (what, text) = ("the title “\(task.title)”", task.title)
        case .char("j"): (what, text) = ("“\(task.title)” as JSON", String(decoding: task.json, as: UTF8.self))
        default:
            message = StatusMessage("Nothing copied", isError: false, now: now)
            return []
        }
        message = StatusMessage("Copied \(what)", isError: false, now: now)
        return [.copyToClipboard(text)]
    }
}
