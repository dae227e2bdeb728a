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
        let ownKeysOnly: Set<KeyContext> = [.sort, .form, .confirm]
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
        buffer.render(HintBar(bindings, trailing: trailing, pinned: help), in: row)
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
