import Synchronization

/// Where effects running on other threads leave their results for the UI loop, which
/// drains it between keys.
public final class ActionInbox: Sendable {
    private let queue = Mutex<[Action]>([])

    public init() {}

    public func send(_ action: Action) { queue.withLock { $0.append(action) } }

    public func drain() -> [Action] { queue.withLock { queue in defer { queue = [] }; return queue } }
}
