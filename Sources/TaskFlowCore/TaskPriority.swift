/// How much a task matters. Raw values are the API's spelling.
public enum TaskPriority: String, Codable, Sendable, CaseIterable, Comparable {
    case low
    case medium
    case high

    /// Sort rank: low < medium < high.
    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (lhs: TaskPriority, rhs: TaskPriority) -> Bool { lhs.rank < rhs.rank }

    public init?(rank: Int) {
        guard let priority = Self.allCases.first(where: { $0.rank == rank }) else { return nil }
        self = priority
    }
}
