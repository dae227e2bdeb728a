/// Where a task is in its life. Raw values are the API's spelling.
public enum TaskStatus: String, Codable, Sendable, CaseIterable, Comparable {
    case todo
    case inProgress = "in-progress"
    case done

    /// Sort rank: todo < in-progress < done.
    public var rank: Int {
        switch self {
        case .todo: 0
        case .inProgress: 1
        case .done: 2
        }
    }

    public static func < (lhs: TaskStatus, rhs: TaskStatus) -> Bool { lhs.rank < rhs.rank }

    public init?(rank: Int) {
        guard let status = Self.allCases.first(where: { $0.rank == rank }) else { return nil }
        self = status
    }
}
