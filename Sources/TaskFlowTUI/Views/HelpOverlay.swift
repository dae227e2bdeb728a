import TaskFlowSettings
import TerminalUI

/// The `?` overlay: every binding of the list, the detail pane, the global keys, the
/// search/filter line, the sort popup, the add/edit form and the delete question, with
/// their help text, straight from the keymap that dispatches them.
public struct HelpOverlay: Widget {
    public var keymap: Keymap<TUICommand>
    public var scroll: Int
    /// The views on the digit keys, named in their keys' help.
    public var views: SavedViews

    public init(keymap: Keymap<TUICommand>, scroll: Int, views: SavedViews = SavedViews()) {
        self.keymap = keymap
        self.scroll = scroll
        self.views = views
    }

    /// Each view key's help as the user configured it: the view's name, filter and sort,
    /// or that no view is on that key. (Only the text changes, never the line count.)
    static func viewHelp(_ views: SavedViews) -> [TUICommand: String] {
        var help: [TUICommand: String] = [:]
        for key in 1...9 {
            guard let command = TUICommand.view(key) else { continue }
            guard let view = views.view(onKey: key) else {
                help[command] = "View \(key): none yet (V saves one)"
                continue
            }
            let filter = view.filter.isEmpty ? "all tasks" : view.filter
            let sort = view.sort.map { ", sort \($0)" } ?? ""
            help[command] = "View \(view.name): \(filter)\(sort) (again: all)"
        }
        return help
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
        let help = HelpView(Self.sections(keymap), scroll: scroll, helpOverrides: Self.viewHelp(views))
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
