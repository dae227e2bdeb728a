import Synchronization

/// Where effects running on other threads leave their results for the UI loop, which
/// drains it between keys. Sending wakes the loop if it is waiting for a key.
public final class ActionInbox: Sendable {
    private let queue = Mutex<[Action]>([])
    private let wake: @Sendable () -> Void

    public init(wake: @escaping @Sendable () -> Void = {}) { self.wake = wake }

    public func send(_ action: Action) {
        queue.withLock { $0.append(action) }
        wake()
    }

    public func drain() -> [Action] { queue.withLock { queue in defer { queue = [] }; return queue } }
}
