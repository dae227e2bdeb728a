import Synchronization

/// The last committed change counter per user, kept in memory by the store that writes them.
/// Counters only grow, so updates merge by maximum: a slow reader that saw an older value
/// can never move the mirror backwards past a newer commit.
final class ChangeCounterMirror: Sendable {
    private let values = Mutex<[String: Int]>([:])

    func value(for userID: String) -> Int? {
        values.withLock { $0[userID] }
    }

    /// Records `counter` unless a larger one is known; returns what is known now.
    @discardableResult
    func raise(_ userID: String, to counter: Int) -> Int {
        values.withLock {
            let merged = max($0[userID] ?? counter, counter)
            $0[userID] = merged
            return merged
        }
    }
}
