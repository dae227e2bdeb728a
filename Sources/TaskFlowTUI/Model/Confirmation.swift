import TaskFlowCore

/// A question that must be answered before something irreversible happens.
public enum Confirmation: Sendable, Equatable {
    case delete(TaskItem)
    /// The marked tasks, all at once.
    case deleteMany([TaskItem])
}
