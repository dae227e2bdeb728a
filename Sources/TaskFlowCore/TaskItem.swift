import Foundation

/// A task as the API shows it. Named `TaskItem` so it never shadows Swift's `Task`.
public struct TaskItem: Codable, Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var description: String
    public var status: TaskStatus
    public var priority: TaskPriority
    public var dueDate: Date?
    public var completedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: String, title: String, description: String = "", status: TaskStatus = .todo,
        priority: TaskPriority = .medium, dueDate: Date? = nil, completedAt: Date? = nil,
        createdAt: Date, updatedAt: Date, version: Int = 1
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.status = status
        self.priority = priority
        self.dueDate = dueDate
        self.completedAt = completedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, description, status, priority, dueDate, completedAt, createdAt, updatedAt, version
    }

    // Written by hand so absent dates are sent as explicit `null`, as the contract shows.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(description, forKey: .description)
        try c.encode(status, forKey: .status)
        try c.encode(priority, forKey: .priority)
        try c.encode(dueDate, forKey: .dueDate)
        try c.encode(completedAt, forKey: .completedAt)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(version, forKey: .version)
    }

    /// True when the task is past its due date and not done.
    public func isOverdue(now: Date) -> Bool {
        guard let dueDate, status != .done else { return false }
        return dueDate < now
    }
}
