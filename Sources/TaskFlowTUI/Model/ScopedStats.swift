import TaskFlowCore

/// Stats as a service answers them, with what they count: the tasks of the filter asked
/// for (the local copy counts those), or every task (the server's `/tasks/stats` takes no
/// filter), so the pane can say which and never mislead.
public struct ScopedStats: Sendable, Equatable {
    public var stats: TaskStats
    /// Counted over the tasks of the filter asked for; false: over every task.
    public var followsFilter: Bool

    public init(_ stats: TaskStats, followsFilter: Bool) {
        self.stats = stats
        self.followsFilter = followsFilter
    }
}
