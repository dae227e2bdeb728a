import Foundation

extension TaskItem {
    /// The due date as the list, the detail pane and `taskflow ls` show it: "today",
    /// "in 3d", "2d overdue". A done task is never overdue: a due date it passed reads
    /// "due 10d ago".
    public func dueWords(now: Date) -> String? {
        guard let dueDate else { return nil }
        let days = DateWords.dayOffset(dueDate, now: now)
        if status == .done, days < 0 { return "due \(-days)d ago" }
        return DateWords.relative(dueDate, now: now)
    }
}
