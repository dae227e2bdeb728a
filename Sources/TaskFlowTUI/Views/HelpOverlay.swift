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
            HelpView.Section("Stats pane", keymap.bindings(for: .stats)),
            HelpView.Section("Everywhere", keymap.bindings(for: .global)),
            HelpView.Section("Search and filter line", keymap.bindings(for: .line)),
            HelpView.Section("Sort popup", keymap.bindings(for: .sort)),
            HelpView.Section("Conflict view", keymap.bindings(for: .conflict)),
            HelpView.Section("Add/edit form", keymap.bindings(for: .form)),
            HelpView.Section("Questions (delete?)", keymap.bindings(for: .confirm)),
        ]
    }

    static func popup(lineCount: Int, in area: Rect) -> Popup {
        Popup(title: "Keys (? or Esc to close)", width: min(70, area.width - 2), height: min(lineCount + 2, area.height - 2))
    }

    /// Lines of help the overlay shows at once on `screen`: one page.
    public static func pageSize(keymap: Keymap<TUICommand>, screen: Size) -> Int {
        let lines = HelpView(sections(keymap)).lines().count
        // The area the overlay is drawn in: the screen less the header and footer lines.
        let area = Rect(x: 0, y: 1, width: screen.width, height: max(0, screen.height - 2))
        return popup(lineCount: lines, in: area).contentArea(in: area).height
    }

    public static func maxScroll(keymap: Keymap<TUICommand>, screen: Size) -> Int {
        max(0, HelpView(sections(keymap)).lines().count - pageSize(keymap: keymap, screen: screen))
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        let help = HelpView(Self.sections(keymap), scroll: scroll)
        let popup = Self.popup(lineCount: help.lines().count, in: area)
        popup.render(in: area, buffer: &buffer)
        buffer.render(help, in: popup.contentArea(in: area))
        // On the bottom border: there is more to scroll to.
        let frame = popup.frame(in: area)
        if scroll < help.lines().count - popup.contentArea(in: area).height, frame.width > 12 {
            buffer.put(" ↓ more ", at: Point(x: frame.maxX - 10, y: frame.maxY - 1), style: Style(.borderFocused).on(.popup))
        }
    }
}
