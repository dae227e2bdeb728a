import Foundation
import Synchronization
import TaskFlowClient
import TaskFlowCore
import TaskFlowSync

/// `TaskService` over the local copy (DESIGN.md, "The local copy"): pages, search and stats
/// come from the replica (no request per keystroke, none for stats); a change goes to the
/// journal, on disk before the screen shows it, and is sent in the background in batches.
/// Live events and `GET /sync` after any gap keep the replica current. Signing in and the
/// session stay with the online service underneath.
public final class ReplicaTaskService: TaskService {
    private let online: APITaskService
    private let environment: [String: String]
    /// The copy being opened or open, for the server it belongs to: the page, the stats and
    /// the live feed all ask for it at start, and one opening serves them all.
    private let copy = Mutex<(server: ServerAddress, opening: Task<LocalCopy, any Error>)?>(nil)
    private let listeners = Mutex<[Int: AsyncStream<LiveUpdate>.Continuation]>([:])
    private let sender = Mutex<Sender>(Sender())

    /// The sends in flight, one after the other, and whether one is still waiting to start
    /// (it will take every change made meanwhile, so no second one is queued behind it).
    private struct Sender {
        var last: Task<Void, Never>?
        var waiting = false
    }

    private struct LocalCopy: Sendable {
        let server: ServerAddress
        let replica: Replica
        let engine: SyncEngine
    }

    public init(online: APITaskService, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.online = online
        self.environment = environment
    }

    /// A search here costs no request, so it follows every key typed at a normal pace; the
    /// short pause only folds a burst (a paste, a held key) into one query.
    public var typingPause: Duration { .milliseconds(40) }

    public func currentSession() async -> SessionInfo? { await online.currentSession() }

    public func logIn(server: String, email: String, password: String) async throws(ServiceFailure) -> SessionInfo {
        try await online.logIn(server: server, email: email, password: password)
    }

    public func page(_ query: TaskQuery) async throws(ServiceFailure) -> (TaskPage, RateLimitStatus?) {
        let local = try await localCopy()
        return try await ServiceFailure.translating(prefix: "local copy: ") {
            // The first time, the copy is filled from the server before anything shows.
            if try local.replica.cursor == nil { try await local.engine.sync() }
            return (try local.replica.page(query), online.client.rateLimit)
        }
    }

    public func stats(matching query: TaskQuery) async throws(ServiceFailure) -> ScopedStats {
        let local = try await localCopy()
        return try await ServiceFailure.translating(prefix: "local copy: ") {
            ScopedStats(try local.replica.stats(matching: query), followsFilter: true)
        }
    }

    public func update(id: String, _ changes: TaskChanges) async throws(ServiceFailure) -> TaskItem {
        try await change([.update(id: id, try Self.validated(changes, creating: false))], label: Self.label(for: changes))
    }

    public func create(_ fields: TaskChanges, idempotencyKey: String) async throws(ServiceFailure) -> TaskItem {
        let valid = try Self.validated(fields, creating: true)
        return try await change([.create(valid)], label: "add “\(valid.title ?? "")”")
    }

    public func delete(id: String) async throws(ServiceFailure) {
        _ = try await perform([.delete(id: id)], label: "delete")
    }

    public func update(_ bulk: [BulkChange]) async throws(ServiceFailure) -> [TaskItem] {
        let changes = try bulk.map { change throws(ServiceFailure) in LocalChange.update(id: change.id, try Self.validated(change.changes, creating: false)) }
        let label = bulk.first.map { "\(Self.label(for: $0.changes)) on \(bulk.count) task\(bulk.count == 1 ? "" : "s")" } ?? "edit"
        return try await perform(changes, label: label).compactMap { $0 }
    }

    public func delete(ids: [String]) async throws(ServiceFailure) {
        _ = try await perform(ids.map { .delete(id: $0) }, label: "delete \(ids.count) task\(ids.count == 1 ? "" : "s")")
    }

    public func undo() async throws(ServiceFailure) -> UndoOutcome {
        let local = try await localCopy()
        let outcome = try await ServiceFailure.translating(prefix: "local copy: ") { try local.replica.undo() }
        sendChanges(local)
        return outcome
    }

    public func redo() async throws(ServiceFailure) -> UndoOutcome {
        let local = try await localCopy()
        let outcome = try await ServiceFailure.translating(prefix: "local copy: ") { try local.replica.redo() }
        sendChanges(local)
        return outcome
    }

    public func conflict(id: String) async throws(ServiceFailure) -> Conflict {
        let local = try await localCopy()
        let found = try await ServiceFailure.translating(prefix: "local copy: ") { try local.replica.conflicts.first { $0.id == id } }
        guard let found else { throw ServiceFailure(message: "no conflict for \(id) (settled elsewhere?)", code: "not_found") }
        return found
    }

    /// The same path as `taskflow resolve`: one change based on the server's version, in
    /// the journal and the undo history, then sent.
    public func resolve(id: String, keepingMine mine: Set<TaskField>) async throws(ServiceFailure) {
        let local = try await localCopy()
        _ = try await ServiceFailure.translating(prefix: "local copy: ") { try local.replica.resolve(id, keepingMine: mine) }
        report(local, unreachable: false)
        sendChanges(local)
    }

    public func shortIDs() async -> ShortIDs? {
        guard let local = try? await localCopy() else { return nil }
        return try? local.replica.shortIDs()
    }

    public func row(of id: String, in query: TaskQuery) async -> Int? {
        guard let local = try? await localCopy() else { return nil }
        return try? local.replica.row(of: id, in: query)
    }

    /// The online feed, with each event applied to the replica first and a sync from the
    /// cursor after any gap (events are hints: API.md, Socket.IO point 7).
    public func liveUpdates() -> AsyncStream<LiveUpdate> {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveUpdate.self)
        let id = listeners.withLock { listeners in
            let id = (listeners.keys.max() ?? 0) + 1
            listeners[id] = continuation
            return id
        }
        let feed = Task { [online] in
            for await update in online.liveUpdates() {
                switch update {
                case .event(let event):
                    if let local = try? await self.localCopy() { try? local.replica.apply(event) }
                    continuation.yield(update)
                case .resync, .state(.live):
                    continuation.yield(update)
                    // After a gap: send what waits and catch up from the cursor.
                    if let local = try? await self.localCopy() { self.sendSoon(local, catchUp: true) }
                default:
                    continuation.yield(update)
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { [weak self] _ in
            feed.cancel()
            self?.listeners.withLock { $0[id] = nil }
        }
        return stream
    }

    // MARK: -

    /// The server's rules, checked here first: a change that the server would refuse never
    /// enters the journal, and the form shows the same words under the same fields.
    private static func validated(_ changes: TaskChanges, creating: Bool) throws(ServiceFailure) -> TaskChanges {
        var valid = changes
        var problems: [FieldProblem] = []
        if let title = changes.title {
            switch Validation.title(title) {
            case .success(let trimmed): valid.title = trimmed
            case .failure(let problem): problems.append(problem)
            }
        } else if creating {
            problems.append(FieldProblem("title", "is required"))
        }
        if let description = changes.description, let problem = Validation.description(description) { problems.append(problem) }
        guard problems.isEmpty else {
            throw ServiceFailure(message: ValidationFailure(problems).summary, code: "validation_failed", problems: problems)
        }
        return valid
    }

    /// What an undo of these changes takes back, in the user's words.
    private static func label(for changes: TaskChanges) -> String {
        switch (changes.status, changes.priority) {
        case (let status?, nil) where changes.title == nil && changes.description == nil && changes.dueDate == nil:
            "status \(status.rawValue)"
        case (nil, let priority?) where changes.title == nil && changes.description == nil && changes.dueDate == nil:
            "priority \(priority.rawValue)"
        default:
            "edit"
        }
    }

    private func change(_ changes: [LocalChange], label: String) async throws(ServiceFailure) -> TaskItem {
        guard let task = try await perform(changes, label: label).first ?? nil else {
            throw ServiceFailure(message: "task not found", code: "not_found")
        }
        return task
    }

    private func perform(_ changes: [LocalChange], label: String) async throws(ServiceFailure) -> [TaskItem?] {
        let local = try await localCopy()
        let tasks = try await ServiceFailure.translating(prefix: "local copy: ") { try local.replica.perform(changes, label: label) }
        report(local, unreachable: false)
        sendChanges(local)
        return tasks
    }

    /// How long a change waits for the next before they are sent together: keys pressed in
    /// quick succession go as one batch (one request against the rate limit).
    static let gathering: Duration = .milliseconds(300)
    private let pacing = SendPacing(gathering: gathering)

    /// Tells the screens how many changes wait and how many conflicts there are.
    private func report(_ local: LocalCopy, unreachable: Bool) {
        let pending = (try? local.replica.pendingCount) ?? 0
        let conflicts = (try? local.replica.conflicts.map(\.id)) ?? []
        broadcast(.localCopy(pending: pending, conflicts: conflicts, unreachable: unreachable && pending > 0))
    }

    /// Sends the journal after the pause the rate limit allows (`SendPacing`).
    private func sendChanges(_ local: LocalCopy) {
        sendSoon(local, after: pacing.pause(after: online.client.rateLimit, now: Date()))
    }

    /// Sends the journal (and, with `catchUp`, takes in what is new from the cursor), one
    /// at a time; the screen reloads from the replica afterwards. While the live channel is
    /// up, events keep the copy current, so a change costs one batch and no sync. A server
    /// out of reach leaves the journal as it is: the next change or reconnect tries again.
    private func sendSoon(_ local: LocalCopy, catchUp: Bool = false, after pause: Duration = .zero) {
        sender.withLock { sender in
            // A push already waiting to start will take this change too.
            if !catchUp && sender.waiting { return }
            let previous = sender.last
            sender.waiting = !catchUp
            sender.last = Task {
                await previous?.value
                if pause > .zero { try? await Task.sleep(for: pause) }
                if !catchUp { self.sender.withLock { $0.waiting = false } }
                do {
                    if catchUp { try await local.engine.sync() } else { _ = try await local.engine.push() }
                } catch {
                    // Out of reach is "offline"; a refusal (rate limit, session) is not.
                    let clientError = error as? ClientError
                    self.report(local, unreachable: clientError?.category == .network)
                    // Refused for the rate limit: the journal goes again once the server
                    // says it may, without waiting for the next change.
                    if clientError?.category == .rateLimited {
                        self.sendSoon(local, after: .seconds(max(clientError?.retryAfter ?? 60, 1)))
                    }
                    return
                }
                self.report(local, unreachable: false)
                for notice in await local.engine.takeNotices() {
                    // Said in the footer (and the message log); the header stays as live as it is.
                    self.broadcast(.notice("\(notice.taskID): \(notice.description)"))
                }
                self.broadcast(.resync)
            }
        }
    }

    private func broadcast(_ update: LiveUpdate) {
        for continuation in listeners.withLock({ Array($0.values) }) { continuation.yield(update) }
    }

    /// The replica of the signed-in user on the current server (opened again after a
    /// login elsewhere).
    private func localCopy() async throws(ServiceFailure) -> LocalCopy {
        let client = online.client, environment = self.environment
        let opening = copy.withLock { copy in
            if let copy, copy.server == client.server { return copy.opening }
            let opening = Task {
                let userID: String
                if let user = await client.session.user { userID = user.id } else { userID = try await client.me().value.id }
                let replica = try Replica(path: ReplicaLocation.path(server: client.server, userID: userID, environment: environment), userID: userID)
                return LocalCopy(server: client.server, replica: replica, engine: SyncEngine(replica: replica, api: client))
            }
            copy = (client.server, opening)
            return opening
        }
        return try await ServiceFailure.translating(prefix: "local copy: ") {
            do {
                return try await opening.value
            } catch {
                // Not kept: the next call tries again (the server may answer `me` by then).
                copy.withLock { copy in if copy?.opening == opening { copy = nil } }
                throw error
            }
        }
    }
}
