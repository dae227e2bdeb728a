import Foundation

/// Counters of a single server process. Old windows are swept as the table grows, so a
/// flood of distinct addresses cannot grow memory without bound.
public actor MemoryRateLimitStore: RateLimitStore {
    private struct Entry {
        var windowStart: Int
        var count: Int
    }

    private var entries: [String: Entry] = [:]
    private var sweepThreshold = 10_000

    public init() {}

    public func peek(key: String, window: Int, now: Date) -> WindowCount {
        let start = Self.windowStart(now, window: window)
        let count = entries[key].flatMap { $0.windowStart == start ? $0.count : nil } ?? 0
        return WindowCount(count: count, resetAt: Date(timeIntervalSince1970: Double(start + window)))
    }

    public func hit(key: String, window: Int, now: Date) -> WindowCount {
        let start = Self.windowStart(now, window: window)
        var entry = entries[key] ?? Entry(windowStart: start, count: 0)
        if entry.windowStart != start { entry = Entry(windowStart: start, count: 0) }
        entry.count += 1
        entries[key] = entry
        if entries.count > sweepThreshold { sweep(now: now, window: window) }
        return WindowCount(count: entry.count, resetAt: Date(timeIntervalSince1970: Double(start + window)))
    }

    public func refund(key: String, window: Int, now: Date) {
        let start = Self.windowStart(now, window: window)
        if var entry = entries[key], entry.windowStart == start, entry.count > 0 {
            entry.count -= 1
            entries[key] = entry
        }
    }

    private func sweep(now: Date, window: Int) {
        let oldest = Self.windowStart(now, window: window)
        entries = entries.filter { $0.value.windowStart >= oldest }
        sweepThreshold = max(10_000, entries.count * 2)
    }
}
