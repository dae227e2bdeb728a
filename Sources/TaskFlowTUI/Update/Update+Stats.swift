import TaskFlowCore

/// The stats pane's rows as a way into the list: ↑/↓ select one, Enter makes its filter
/// the list's (replacing the filter and search in force) and focuses the list.
extension AppState {
    mutating func moveStatsSelection(by delta: Int) {
        statsSelection = max(0, min(statsSelection + delta, StatsRow.allCases.count - 1))
    }

    mutating func filterByStatsRow() -> [Effect] {
        let row = StatsRow(rawValue: statsSelection) ?? .todo
        // The row's words are the filter language's own, so reading them cannot fail.
        guard let reading = try? FilterSyntax(now: now).read(row.filter, base: query) else { return [] }
        dueFilter = reading.due
        focus = .list
        return requery(reading.query)
    }
}
