import TerminalUI

extension AppState {
    /// Rows the wheel moves per notch: one would feel stuck, a page would lose the place.
    static let wheelStep = 3

    /// Mouse events (only sent with `mouse = true` in config.toml): a click on a pane
    /// focuses it, a click on a list row selects that task, the wheel scrolls whatever is
    /// under the pointer. While a search, filter or sort popup is open the mouse does
    /// nothing, so a stray click cannot throw away what is being typed.
    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        guard screen == .main, queryLine == nil, sortPicker == nil else { return [] }
        let delta = event.action == .scrollDown ? Self.wheelStep : event.action == .scrollUp ? -Self.wheelStep : 0
        if showsHelp {
            if delta != 0 { scroll(by: delta) }
            return []
        }
        guard let (pane, rect) = layout.panes.first(where: { $0.value.contains(event.position) }) else { return [] }
        if delta != 0 {
            switch pane {
            case .list: return moveCursor(to: cursor + delta)
            case .detail:
                scroll(by: delta)
                return []
            case .stats: return []
            }
        }
        guard event.action == .press, event.button == 1 else { return [] }
        var effects: [Effect] = []
        if pane != focus { effects += switchPane(to: pane) }
        // Inside the border, a row of the list is the task drawn there.
        let row = event.position.y - rect.y - 1
        if pane == .list, row >= 0, row < rect.height - 2 {
            let index = listOffset + row
            if index < tasks.count { effects += moveCursor(to: index) }
        }
        return effects
    }
}
