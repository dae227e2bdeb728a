/// A row of the stats pane that ↑/↓ select and Enter filters the list by, in the pane's
/// order: the status bars, the priority bars, then the three due counts of one line.
public enum StatsRow: Int, CaseIterable, Sendable {
    case todo, inProgress, done, high, medium, low, overdue, dueToday, dueThisWeek

    /// The filter line that shows this row's tasks (the filter language's own words).
    public var filter: String {
        switch self {
        case .todo: "status:todo"
        case .inProgress: "status:in-progress"
        case .done: "status:done"
        case .high: "priority:high"
        case .medium: "priority:medium"
        case .low: "priority:low"
        case .overdue: "due:overdue"
        case .dueToday: "due:today"
        case .dueThisWeek: "due:week"
        }
    }
}
