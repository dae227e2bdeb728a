import Foundation

extension TaskItem {
    /// The task after `changes`, or nil when they change nothing (then neither `version`
    /// nor `updatedAt` moves). `completedAt` follows the status in and out of `done`.
    /// The server stores this; the screen shows it at once while the server is asked.
    public func applying(_ changes: TaskChanges, now: Date) -> TaskItem? {
        var next = self
        if let title = changes.title { next.title = title }
        if let description = changes.description { next.description = description }
        if let priority = changes.priority { next.priority = priority }
        switch changes.dueDate {
        case nil: break
        case .clear: next.dueDate = nil
        case .set(let date): next.dueDate = Date(millis: date.millis)
        }
        if let status = changes.status, status != next.status {
            next.status = status
            next.completedAt = status == .done ? Date(millis: now.millis) : nil
        }
        guard next != self else { return nil }
        next.version += 1
        next.updatedAt = Date(millis: now.millis)
        return next
    }
}
