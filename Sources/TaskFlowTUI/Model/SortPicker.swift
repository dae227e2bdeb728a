import TaskFlowCore

/// The sort popup: a highlighted field and a direction, applied only on Enter so moving
/// through the list does not fire a reload per row.
public struct SortPicker: Sendable, Equatable {
    public static let fields = TaskSort.Field.allCases

    public var selected: Int
    public var descending: Bool

    public init(current: TaskSort) {
        selected = Self.fields.firstIndex(of: current.field) ?? 0
        descending = current.descending
    }

    public var sort: TaskSort { TaskSort(Self.fields[selected], descending: descending) }

    public mutating func move(by delta: Int) {
        selected = max(0, min(Self.fields.count - 1, selected + delta))
    }
}
