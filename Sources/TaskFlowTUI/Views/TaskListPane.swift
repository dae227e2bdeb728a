import TaskFlowCore
import TerminalUI

/// The list of tasks. Only the visible rows are built, so a list of 10,000 costs the same
/// to draw as a list of 30; rows whose page has not arrived yet read "loading…".
public struct TaskListPane: Widget {
    public var state: AppState
    public var isFocused: Bool
    /// Where the pane is among the three when it is shown alone ("1/3").
    public var tab: String?

    public init(state: AppState, isFocused: Bool, tab: String? = nil) {
        self.tab = tab
        self.state = state
        self.isFocused = isFocused
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        let inner = buffer.drawBox(area, style: Style(isFocused ? .borderFocused : .border), title: title, trailing: tab)
        guard !inner.isEmpty else { return }
        let tasks = state.tasks
        guard tasks.isLoaded else {
            buffer.fill(inner)
            buffer.put("loading…", at: inner.origin, maxWidth: inner.width, style: Style(.dim))
            return
        }
        let first = min(state.listOffset, max(0, tasks.count - 1))
        let visible = first..<min(tasks.count, first + inner.height)
        // With marks, a column in front says which rows a bulk action will touch.
        let marking = !state.marked.isEmpty
        // Short ids of the rows shown: a binary search each, the column as wide as the longest.
        // A pane too narrow for them keeps its columns for the title.
        let showsIDs = inner.width >= Self.minimumWidthForIDs
        let shortIDs = visible.map { index in
            showsIDs ? tasks.task(at: index).flatMap { $0.isProvisional ? "new" : state.shortIDs.short($0.id) } : nil
        }
        let idWidth = shortIDs.compactMap { $0.map(DisplayWidth.of) }.max() ?? 0
        let conflicts = Set(state.conflictIDs)
        let rows = zip(visible, shortIDs).map { index, shortID in
            guard let task = tasks.task(at: index) else { return ListRow([Span("    loading…", .dim)]) }
            var row = TaskText.row(task, now: state.now, shortID: shortID, idWidth: idWidth, highlighting: state.query.searchWords)
            // Kept as a conflict: a badge before the title (C opens it); the title follows the
            // status mark, the short id when shown, and the priority.
            if conflicts.contains(task.id) {
                row.spans.insert(contentsOf: [Span("!", style: Style(.conflict)), Span(" ")], at: shortID == nil ? 4 : 6)
            }
            if marking { row.spans.insert(state.marked.contains(task.id) ? Span("● ", style: Style(.title)) : Span("  ", .normal), at: 0) }
            return row
        }
        let selection = ListState(selected: tasks.count > 0 ? state.cursor - first : nil, offset: 0)
        let placeholder = filterText.isEmpty ? "No tasks yet." : "No tasks match the filter."
        ListView(rows: rows, state: selection, isFocused: isFocused, placeholder: placeholder).render(in: inner, buffer: &buffer)
    }

    /// Inner width below which the list leaves out the ID column.
    static let minimumWidthForIDs = 36

    /// The count, and the filter in force: it stays in sight while the footer shows a
    /// message instead of its usual filter and range.
    private var title: String {
        let total = state.tasks.total.map { " (\(TaskText.count($0)))" } ?? ""
        return Pane.list.title + total + (filterText.isEmpty ? "" : " · " + filterText)
    }

    private var filterText: String { state.filterText }
}
