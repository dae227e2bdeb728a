import Foundation
import TaskFlowCore
import TerminalUI

/// Every field of the selected task, then its description wrapped to the pane; the whole
/// text scrolls with `detailScroll`.
public struct DetailPane: Widget {
    public var task: TaskItem?
    public var isLoading: Bool
    public var scroll: Int
    public var now: Date
    public var isFocused: Bool
    /// Where the pane is among the three when it is shown alone ("2/3").
    public var tab: String?
    /// The search's words, underlined where they match.
    public var highlighting: [String] = []
    /// The task is kept as a conflict: the key that opens the conflict view, for a line
    /// saying so under the title.
    public var conflictKey: String?

    public init(task: TaskItem?, isLoading: Bool, scroll: Int, now: Date, isFocused: Bool, tab: String? = nil) {
        self.tab = tab
        self.task = task
        self.isLoading = isLoading
        self.scroll = scroll
        self.now = now
        self.isFocused = isFocused
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        let inner = buffer.drawBox(area, style: Style(isFocused ? .borderFocused : .border), title: Pane.detail.title, trailing: tab)
        guard !inner.isEmpty else { return }
        buffer.fill(inner)
        guard let task else {
            buffer.put(isLoading ? "loading…" : "No task selected.", at: inner.origin, maxWidth: inner.width, style: Style(.dim))
            return
        }
        let lines = Self.lines(task: task, width: inner.width, now: now, highlighting: highlighting, conflictKey: conflictKey)
        let first = min(max(0, scroll), max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            buffer.put(line, at: Point(x: inner.x, y: inner.y + row), maxWidth: inner.width)
        }
        // More text below than the pane shows: say so on its bottom edge.
        let below = lines.count - first - inner.height
        if below > 0 {
            let mark = " ↓ \(below) more line\(below == 1 ? "" : "s") "
            if DisplayWidth.of(mark) + 2 <= area.width {
                buffer.put(mark, at: Point(x: area.maxX - 1 - DisplayWidth.of(mark), y: area.maxY - 1), style: Style(isFocused ? .borderFocused : .border))
            }
        }
    }

    /// The largest useful scroll for a task in a pane with outer rect `area`.
    public static func maxScroll(task: TaskItem, area: Rect, now: Date, conflictKey: String? = nil) -> Int {
        let inner = area.inset(by: 1)
        return max(0, lines(task: task, width: inner.width, now: now, conflictKey: conflictKey).count - inner.height)
    }

    static func lines(task: TaskItem, width: Int, now: Date, highlighting words: [String] = [], conflictKey: String? = nil) -> [[Span]] {
        guard width > 0 else { return [] }
        var lines = TextWrap.wrap(task.title, width: width).map {
            TaskText.highlighted($0, words: words, style: Style(.title, attributes: .bold))
        }
        if let conflictKey { lines.append([Span("conflict: press \(conflictKey) to resolve", style: Style(.conflict))]) }
        func field(_ name: String, _ value: [Span]) {
            lines.append([Span(name.padding(toLength: 10, withPad: " ", startingAt: 0), .dim)] + value)
        }
        field("Status", [TaskText.statusMark(task.status), Span(" " + TaskText.statusName(task.status))])
        field("Priority", [Span(task.priority.rawValue, style: Style(TaskText.priorityRole(task.priority)))])
        if let due = task.dueDate, let relative = TaskText.due(task, now: now) {
            field("Due", [Span(TaskText.timestamp(due) + " "), Span("(\(relative.text))", style: relative.style)])
        } else {
            field("Due", [Span("—", .dim)])
        }
        field("Created", [Span(TaskText.timestamp(task.createdAt))])
        field("Updated", [Span(TaskText.timestamp(task.updatedAt))])
        if let completed = task.completedAt { field("Completed", [Span(TaskText.timestamp(completed))]) }
        field("Version", [Span(String(task.version))])
        field("ID", [Span(task.id, .dim)])
        lines.append([])
        if task.description.isEmpty {
            lines.append([Span("No description.", .dim)])
        } else {
            lines += TextWrap.wrap(task.description, width: width).map { TaskText.highlighted($0, words: words, style: .normal) }
        }
        return lines
    }
}
