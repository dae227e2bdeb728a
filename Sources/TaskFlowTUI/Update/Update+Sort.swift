import TaskFlowCore
import TerminalUI

/// The sort popup. Only its own bindings count while it is open, so `q` closes it rather
/// than quitting.
extension AppState {
    mutating func handleSortPicker(_ key: Key) -> [Effect] {
        guard var picker = sortPicker else { return [] }
        switch keymap.contexts[.sort]?[key] {
        case .sortDown?: picker.move(by: 1)
        case .sortUp?: picker.move(by: -1)
        case .flipSort?: picker.descending.toggle()
        case .applySort?:
            sortPicker = nil
            // A sort chosen by hand stays when the view is left.
            sortBeforeView = nil
            var sorted = query
            sorted.sort = picker.sort
            return requery(sorted)
        case .cancelSort?:
            sortPicker = nil
            return []
        default: break
        }
        sortPicker = picker
        return []
    }
}
