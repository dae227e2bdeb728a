import Foundation
import TaskFlowCore
import TerminalUI

/// Counts by status and priority as bars, what is due, and a 14-day completion chart.
/// Focused, it marks the row Enter filters the list by.
public struct StatsPane: Widget {
    public var stats: TaskStats?
    public var isFocused: Bool
    /// Where the pane is among the three when it is shown alone ("3/3").
    public var tab: String?
    /// The row ↑/↓ selected (marked while the pane is focused).
    public var selected: StatsRow?
    /// What the counts cover, in the title: the filter in force, or "all tasks" when the
    /// stats cannot follow it; nil when no filter is in force.
    public var scope: String?

    public init(stats: TaskStats?, isFocused: Bool, tab: String? = nil) {
        self.tab = tab
        self.stats = stats
        self.isFocused = isFocused
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        let title = Pane.stats.title + (scope.map { " · " + $0 } ?? "")
        let inner = buffer.drawBox(area, style: Style(isFocused ? .borderFocused : .border), title: title, trailing: tab)
        guard !inner.isEmpty else { return }
        buffer.fill(inner)
        guard let stats else {
            buffer.put("loading…", at: inner.origin, maxWidth: inner.width, style: Style(.dim))
            return
        }
        let bars: [BarChart.Bar] = [
            .init("todo", stats.byStatus.todo, style: Style(.statusTodo)),
            .init("in progress", stats.byStatus.inProgress, style: Style(.statusInProgress)),
            .init("done", stats.byStatus.done, style: Style(.statusDone)),
            .init("high", stats.byPriority.high, style: Style(.priorityHigh)),
            .init("medium", stats.byPriority.medium, style: Style(.priorityMedium)),
            .init("low", stats.byPriority.low, style: Style(.priorityLow)),
        ]
        let chartRows = inner.height >= 13 ? 4 : inner.height >= 11 ? 3 : 2
        let parts = inner.split(.vertical, [.fixed(6), .fixed(1), .fixed(1), .fill()])
        buffer.render(BarChart(bars, maxValue: max(1, stats.total)), in: parts[0])
        if isFocused, let selected, selected.rawValue < bars.count, selected.rawValue < parts[0].height {
            // The label of the selected bar, padded to the labels' column, on the highlight.
            let width = min(bars.map { DisplayWidth.of($0.label) }.max() ?? 0, parts[0].width / 3)
            let label = bars[selected.rawValue].label
            let padded = label + String(repeating: " ", count: max(0, width - DisplayWidth.of(label)))
            buffer.put(padded, at: Point(x: parts[0].x, y: parts[0].y + selected.rawValue), maxWidth: width, style: Style(.listSelected))
        }
        buffer.put(dueLine(stats), at: parts[1].origin, maxWidth: parts[1].width)
        let chartArea = parts[3]
        guard chartArea.height >= 2 else { return }
        let total = stats.completedPerDay.reduce(0) { $0 + $1.count }
        buffer.put("Done per day, 14 days (\(TaskText.count(total)))", at: parts[2].origin, maxWidth: parts[2].width, style: Style(.dim))
        let labels = stats.completedPerDay.map { String($0.date.suffix(2)) }
        let width = min(chartArea.width, 14 * 3)
        let chart = ColumnChart(stats.completedPerDay.map(\.count), labels: labels, columnWidth: 2, gap: 1)
        buffer.render(chart, in: Rect(x: chartArea.x, y: chartArea.y, width: width, height: min(chartArea.height, chartRows + 1)))
    }

    private func dueLine(_ stats: TaskStats) -> [Span] {
        let marked = isFocused ? selected : nil
        // The selected count, its word included, on the highlight.
        func part(_ row: StatsRow, _ word: String, _ value: Span) -> [Span] {
            guard marked == row else { return [Span(word, .dim), value] }
            return [Span(word.trimmingCharacters(in: .whitespaces) + " " + value.text, style: Style(.listSelected))]
        }
        return part(.overdue, "overdue ", Span(TaskText.count(stats.overdue), style: Style(stats.overdue > 0 ? .overdue : .normal, attributes: .bold)))
            + [Span("  ")] + part(.dueToday, "today ", Span(TaskText.count(stats.dueToday), .dueSoon))
            + [Span("  ")] + part(.dueThisWeek, "this week ", Span(TaskText.count(stats.dueThisWeek)))
    }
}
