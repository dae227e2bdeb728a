import Synchronization

/// Totals of recent list filters, keyed by user, change counter and filter (plus the minute
/// for clock-dependent filters). Paging through one filter then counts its tasks once
/// instead of once per page; a change moves the counter, so a stale total is never found.
/// Bounded: when full it starts over.
final class ListTotals: Sendable {
    private let totals = Mutex<[String: Int]>([:])
    private let capacity: Int

    init(capacity: Int = 10_000) { self.capacity = capacity }

    func total(for key: String) -> Int? { totals.withLock { $0[key] } }

    func remember(_ total: Int, for key: String) {
        totals.withLock {
            if $0.count >= capacity { $0.removeAll(keepingCapacity: true) }
            $0[key] = total
        }
    }
}
