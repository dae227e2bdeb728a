import TaskFlowCore
import TerminalUI

/// The bottom line: a message when there is one, else the focused pane's key hints; flush
/// right the active filter, the sort and which rows are shown of the server's total
/// ("41–60 of 1,234"), so what the list is showing is never a guess.
public struct FooterView: Widget {
    public var state: AppState

    public init(state: AppState) { self.state = state }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        if let message = state.message {
            buffer.fill(row, style: Style(.statusBar))
            // The bar's own colours (red or green on it was unreadable in some themes).
            let style = Style(.statusBar, attributes: message.isError ? [.bold, .underline] : .bold)
            buffer.put(" " + message.text, at: row.origin, maxWidth: row.width, style: style)
            return
        }
        // The popups and the form take only their own keys, so global ones would be false
        // hints there.
        let ownKeysOnly: Set<KeyContext> = [.sort, .form, .confirm, .conflict]
        var bindings = state.keymap.bindings(for: state.keyContext, includingGlobal: !ownKeysOnly.contains(state.keyContext))
        // The marked-task form has no description for $EDITOR.
        if state.bulkForm != nil { bindings.removeAll { $0.command == .formEditor } }
        let help = bindings.first { $0.command == .toggleHelp }
        var trailing = self.trailing
        // One pane at a time: the key to the others comes first, and the filter and sort
        // (the list's title shows the filter too) give way to it on a narrow line.
        if !state.layout.showsAllPanes, let tab = bindings.firstIndex(where: { $0.command == .nextPane }) {
            let binding = bindings.remove(at: tab)
            bindings.insert(binding, at: 0)
            let room = row.width - 1 - Self.width(of: binding) - 2 - (help.map { Self.width(of: $0) + 2 } ?? 0)
            if DisplayWidth.of(trailing) > room { trailing = self.trailing(filter: false) }
            if DisplayWidth.of(trailing) > room { trailing = self.trailing(filter: false, sort: false) }
        }
        // The views go left of the filter when there is room beside the help hint (and the
        // Tab hint leading a single pane); else only the active one; else none.
        let paneKeys: Set<KeyContext> = [.list, .detail, .stats]
        var strip: ViewStrip?
        if state.screen == .main, paneKeys.contains(state.keyContext) {
            let all = ViewStrip(views: state.views, active: state.activeView)
            let tab = state.layout.showsAllPanes ? nil : bindings.first { $0.command == .nextPane }
            let reserved = [help, tab].compactMap { $0.map { Self.width(of: $0) + 2 } }.reduce(0, +)
            let room = row.width - 3 - DisplayWidth.of(trailing) - reserved
            strip = [all, all.activeOnly].first { !$0.views.isEmpty && $0.width + 2 <= room }
        }
        let stripText = strip.map { $0.text + "  " } ?? ""
        buffer.render(HintBar(bindings, trailing: stripText + trailing, pinned: help), in: row)
        if let strip {
            // HintBar put the text flush right in plain colours; the digits and the active view
            // are drawn again over it in theirs.
            let x = row.maxX - min(DisplayWidth.of(stripText + trailing), row.width)
            strip.render(at: Point(x: x, y: row.y), maxWidth: strip.width, buffer: &buffer)
        }
    }

    var trailing: String { trailing(filter: true) }

    /// The filter, the sort and the range, flush right; the first two may be left out.
    func trailing(filter: Bool, sort: Bool = true) -> String {
        guard state.screen == .main else { return "" }
        let sortText = "sort: \(SortPicker.name(of: state.query.sort.field)) \(state.query.sort.descending ? "↓" : "↑")"
        let filterText = filter ? state.filterText : ""
        let marks = state.marked.isEmpty ? "" : "\(state.marked.count) marked  "
        return marks + (filterText.isEmpty ? "" : "filter: \(filterText)  ") + (sort ? "\(sortText)  " : "") + "\(range) "
    }

    /// The columns a hint takes: "Tab pane".
    private static func width(of binding: KeyBinding<TUICommand>) -> Int {
        DisplayWidth.of(binding.keyLabel) + 1 + DisplayWidth.of(binding.command.hint ?? "")
    }

    /// "41–60 of 1,234": the rows on screen and the server's total.
    var range: String {
        guard let total = state.tasks.total else { return "loading…" }
        guard total > 0 else { return "0 tasks" }
        let first = state.listOffset + 1
        let last = min(total, state.listOffset + state.listRows)
        return "\(TaskText.count(first))–\(TaskText.count(last)) of \(TaskText.count(total))"
    }
}
