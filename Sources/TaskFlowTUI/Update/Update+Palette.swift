import TerminalUI

extension AppState {
    /// Keys on the palette: typing filters, ↑/↓ (Ctrl-P/Ctrl-N) choose, Enter runs the
    /// chosen command as its key would, Esc closes.
    mutating func handlePalette(_ key: Key) -> [Effect] {
        guard var open = palette else { return [] }
        switch key {
        case .escape, .ctrl("c"):
            palette = nil
            return []
        case .enter:
            palette = nil
            guard let command = open.choice else { return [] }
            return perform(command)
        case .down, .ctrl("n"), .tab:
            open.selected = min(open.selected + 1, max(0, open.matches.count - 1))
        case .up, .ctrl("p"), .backTab:
            open.selected = max(0, open.selected - 1)
        default:
            if open.input.handle(key) { open.selected = 0 }
        }
        palette = open
        return []
    }
}
