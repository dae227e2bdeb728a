import TaskFlowCore

/// The sort popup: a highlighted field and a direction, applied only on Enter so moving
/// through the list does not fire a reload per row.
public struct SortPicker: Sendable, Equatable {
    public static let fields = TaskSort.Field.allCases

    /// The sort in force when the popup opened: its field keeps its direction.
    private let current: TaskSort
    public var selected: Int
    public var descending: Bool

    public init(current: TaskSort) {
        self.current = current
        selected = Self.fields.firstIndex(of: current.field) ?? 0
        descending = current.descending
    }

    public var sort: TaskSort { TaskSort(Self.fields[selected], descending: descending) }

    /// Moves to another field in the direction that suits it (newest, soonest due, highest
    /// priority first; titles and statuses A to Z), or back to the sort in force as it is.
    public mutating func move(by delta: Int) {
        selected = max(0, min(Self.fields.count - 1, selected + delta))
        let field = Self.fields[selected]
        descending = field == current.field ? current.descending : Self.startsDescending(field)
    }

    static func startsDescending(_ field: TaskSort.Field) -> Bool {
        switch field {
        case .createdAt, .updatedAt, .priority: true
        case .dueDate, .title, .status: false
        }
    }

    /// What the popup and the footer call `field`.
    public static func name(of field: TaskSort.Field) -> String {
        switch field {
        case .createdAt: "created"
        case .updatedAt: "updated"
        case .dueDate: "due date"
        case .priority: "priority"
        case .title: "title"
        case .status: "status"
        }
    }
}
