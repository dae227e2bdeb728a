import Foundation
import Synchronization

/// A clock that stands still until told to move: the in-memory `ServerClock` for tests.
public final class ManualClock: ServerClock {
    private let current: Mutex<Date>

    public init(now: Date = Date()) { current = Mutex(now) }

    public var now: Date { current.withLock { $0 } }

    /// Moves time forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
