import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import TaskFlowCore

/// Live events across instances: a change is announced with `NOTIFY taskflow_events`, and
/// every instance (this one included) LISTENs on a connection of its own, loads what the
/// notice points at and hands it to its local `LiveHub`.
public struct PostgresEventBus: LiveEventPublisher, Service {
    static let channel = "taskflow_events"

    let store: PostgresStore
    let hub: LiveHub
    let logger: Logger
    /// Called after each (re-)LISTEN is in place; tests wait on it.
    var onListening: @Sendable () -> Void = {}

    public init(store: PostgresStore, hub: LiveHub, logger: Logger) {
        self.store = store
        self.hub = hub
        self.logger = logger
    }

    /// After the commit. A notice lost while the database is down is not retried: the
    /// change is stored, and clients resynchronise when they reconnect.
    public func publish(_ event: LiveEvent, to userID: String) async {
        let payload = LiveNotice(event: event, userID: userID).json
        let logger = self.logger
        do {
            try await store.access { connection in
                try await connection.query("SELECT pg_notify(\(Self.channel), \(payload))", logger: logger)
            }
        } catch {
            logger.warning("could not announce a change", metadata: ["error": "\(error)"])
        }
    }

    /// Listens until shutdown, connecting again half a second after the connection is lost
    /// (a database restart takes seconds; the pause keeps a down database from being hammered).
    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await listenOnce() }
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { return }
                logger.warning("live events: listening connection lost", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .milliseconds(500))
        }
    }

    private func listenOnce() async throws {
        let connection = try await PostgresConnection.connect(
            configuration: store.endpoint.connectionConfiguration(), id: 0, logger: logger)
        do {
            try await connection.listen(on: Self.channel) { notifications in
                onListening()
                for try await notification in notifications {
                    await deliver(notification.payload)
                }
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }

    func deliver(_ payload: String) async {
        guard let notice = LiveNotice.parse(payload) else {
            logger.notice("live events: ignored a notice of an unknown format", metadata: ["payload": "\(payload.prefix(200))"])
            return
        }
        // Every instance hears every notice; only those with the owner's sockets act on it.
        guard await hub.isWatched(notice.u) else { return }
        let event: LiveEvent
        switch notice.k {
        case .deleted:
            event = .deleted(id: notice.t, version: notice.n)
        case .created, .updated:
            // A newer version means a later notice is on its way and will carry it.
            guard let task = try? await store.task(userID: notice.u, id: notice.t), task.version == notice.n else { return }
            event = notice.k == .created ? .created(task) : .updated(task)
        }
        await hub.publish(event, to: notice.u)
    }
}
