import TerminalUI

/// The `?` overlay: every binding of the list, the detail pane, the global keys, the
/// search/filter line, the sort popup, the add/edit form and the delete question, with
/// their help text, straight from the keymap that dispatches them.
public struct HelpOverlay: Widget {
    public var keymap: Keymap<TUICommand>
    public var scroll: Int

    public init(keymap: Keymap<TUICommand>, scroll: Int) {
        self.keymap = keymap
        self.scroll = scroll
    }

    static func sections(_ keymap: Keymap<TUICommand>) -> [HelpView<TUICommand>.Section] {
        [
            HelpView.Section("Task list", keymap.bindings(for: .list)),
            HelpView.Section("Detail pane", keymap.bindings(for: .detail)),
            HelpView.Section("Everywhere", keymap.bindings(for: .global)),
            HelpView.Section("Search and filter line", keymap.bindings(for: .line)),
            HelpView.Section("Sort popup", keymap.bindings(for: .sort)),
            HelpView.Section("Add/edit form", keymap.bindings(for: .form)),
            HelpView.Section("Questions (delete?)", keymap.bindings(for: .confirm)),
        ]
    }

    static func popup(lineCount: Int, in area: Rect) -> Popup {
        Popup(title: "Keys (? or Esc to close)", width: min(70, area.width - 2), height: min(lineCount + 2, area.height - 2))
    }

    public static func maxScroll(keymap: Keymap<TUICommand>, screen: Size) -> Int {
        let lines = HelpView(sections(keymap)).lines().count
        // The area the overlay is drawn in: the screen less the header and footer lines.
        let area = Rect(x: 0, y: 1, width: screen.width, height: max(0, screen.height - 2))
        return max(0, lines - popup(lineCount: lines, in: area).contentArea(in: area).height)
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        let help = HelpView(Self.sections(keymap), scroll: scroll)
        let popup = Self.popup(lineCount: help.lines().count, in: area)
        popup.render(in: area, buffer: &buffer)
        buffer.render(help, in: popup.contentArea(in: area))
    }
}
