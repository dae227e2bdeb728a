import Foundation
import Logging
import PostgresNIO

/// Counters every instance shares: one row per key and window, counted up by an atomic
/// upsert, so N instances together allow exactly the limit. Ended windows are dropped by
/// `PostgresStore.purgeExpired`.
public struct PostgresRateLimitStore: RateLimitStore {
    let store: PostgresStore

    public init(store: PostgresStore) { self.store = store }

    public func peek(key: String, window: Int, now: Date) async throws -> WindowCount {
        let start = Self.windowStart(now, window: window)
        let logger = store.logger
        let count = try await store.access { connection in
            for try await count in try await connection.query(
                "SELECT count FROM rate_limits WHERE key = \(key) AND window_start = \(start)", logger: logger
            ).decode(Int.self) {
                return count
            }
            return 0
        }
        return WindowCount(count: count, resetAt: Date(timeIntervalSince1970: Double(start + window)))
    }

    public func hit(key: String, window: Int, now: Date) async throws -> WindowCount {
        let start = Self.windowStart(now, window: window)
        let logger = store.logger
        let count = try await store.access { connection in
            for try await count in try await connection.query(
                """
                INSERT INTO rate_limits (key, window_start, count, expires_at) VALUES (\(key), \(start), 1, \(start + window))
                ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
                RETURNING count
                """, logger: logger
            ).decode(Int.self) {
                return count
            }
            return 1
        }
        return WindowCount(count: count, resetAt: Date(timeIntervalSince1970: Double(start + window)))
    }

    public func refund(key: String, window: Int, now: Date) async throws {
        let start = Self.windowStart(now, window: window)
        let logger = store.logger
        try await store.access { connection in
            try await connection.query(
                "UPDATE rate_limits SET count = count - 1 WHERE key = \(key) AND window_start = \(start) AND count > 0",
                logger: logger)
        }
    }
}
