import Foundation
import Logging
import ServiceLifecycle

/// Once a minute, forgets what has outlived its use (sealed refresh pairs past the grace
/// window, expired refresh tokens, day-old idempotency records, tombstones older than
/// `SYNC_TOMBSTONE_DAYS`).
struct MaintenanceService: Service {
    let sessions: any SessionRepository
    let tasks: any TaskRepository
    let tombstoneLifetime: TimeInterval
    let logger: Logger
    let clock: any ServerClock
    var interval: Duration = .seconds(60)

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                try await sessions.purgeExpired(now: clock.now)
                try await tasks.purgeTombstones(deletedBefore: clock.now.addingTimeInterval(-tombstoneLifetime))
            } catch {
                logger.warning("maintenance failed", metadata: ["error": .string("\(error)")])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
