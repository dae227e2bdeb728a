import TaskFlowCore
import TerminalUI

/// The sort popup. Only its own bindings count while it is open, so `q` closes it rather
/// than quitting.
extension AppState {
    mutating func handleSortPicker(_ key: Key) -> [Effect] {
        guard var picker = sortPicker else { return [] }
        let c = TUICommand.self
        switch keymap.contexts[.sort]?[key]?.name {
        case c.sortDown.name?: picker.move(by: 1)
        case c.sortUp.name?: picker.move(by: -1)
        case c.flipSort.name?: picker.descending.toggle()
        case c.applySort.name?:
            sortPicker = nil
            var sorted = query
            sorted.sort = picker.sort
            return requery(sorted)
        case c.cancelSort.name?:
            sortPicker = nil
            return []
        default: break
        }
        sortPicker = picker
        return []
    }
}
